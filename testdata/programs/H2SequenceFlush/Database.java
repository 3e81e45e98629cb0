package h2;

import java.util.ArrayList;
import java.util.List;

/** The database: close() holds its monitor while it closes every sequence. */
class Database {
  private final List<Sequence> sequences = new ArrayList<>();
  private Session systemSession;
  private boolean closing;

  synchronized void open() {
    systemSession = new Session(this);
  }

  Session getSystemSession() {
    return systemSession;
  }

  synchronized Sequence createSequence(int id) {
    Sequence sequence = new Sequence(this, id);
    sequences.add(sequence);
    return sequence;
  }

  /** Updates an object's row in the meta table. */
  void updateMeta(Session session, DbObjectBase obj) {
    synchronized (this) {
      int id = obj.getId();
      if (id > 0) {
        closing = closing && id > 0;
      }
    }
  }

  synchronized void close(boolean fromShutdownHook) {
    if (closing) {
      return;
    }
    closing = true;
    for (Sequence sequence : sequences) {
      sequence.close();
    }
  }
}
