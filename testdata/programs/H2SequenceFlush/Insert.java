package h2;

/** An INSERT into a table whose column takes its default from a sequence. */
class Insert {
  private final Session session;
  private final Sequence sequence;

  Insert(Session session, Sequence sequence) {
    this.session = session;
    this.sequence = sequence;
  }

  /** Called by Command.executeUpdate for a prepared statement. */
  int update() {
    long id = nextKey();
    return id >= 0 ? 1 : 0;
  }

  private long nextKey() {
    return sequence.getNext(session);
  }
}
