package h2;

/** A sequence: its value is flushed to the meta table under the system session's monitor. */
class Sequence extends SchemaObjectBase {
  private final Object flushSync = new Object();
  private long value;
  private long valueWithMargin;

  Sequence(Database database, int id) {
    initDbObjectBase(database, id);
  }

  long getNext(Session session) {
    boolean needsFlush;
    long result;
    synchronized (this) {
      result = value++;
      needsFlush = value > valueWithMargin;
    }
    if (needsFlush) {
      flush(session);
    }
    return result;
  }

  void flushWithoutMargin() {
    if (valueWithMargin != value) {
      valueWithMargin = value;
      flush(null);
    }
  }

  void flush(Session session) {
    Session sysSession = database.getSystemSession();
    synchronized (sysSession) {
      synchronized (flushSync) {
        flushInternal(sysSession);
      }
      sysSession.commit(false);
    }
  }

  private void flushInternal(Session session) {
    database.updateMeta(session, this);
  }

  /** Flushes the current value and closes this object. */
  void close() {
    flushWithoutMargin();
  }
}
