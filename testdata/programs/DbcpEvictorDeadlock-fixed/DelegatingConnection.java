package dbcp;

import java.util.List;

/** A connection wrapper; passivate() closes the traced statements and clears the trace. */
class DelegatingConnection extends AbandonedTrace {
  private boolean closed;

  protected void passivate() {
    List<Object> statements = getTrace();
    if (!statements.isEmpty()) {
      clearTrace();
    }
    closed = true;
  }

  /** Closes the underlying connection. */
  public void close() {
    closed = true;
  }

  boolean isClosed() {
    return closed;
  }
}
