package dbcp;

import java.util.ArrayList;
import java.util.List;

/**
 * Tracks the statements a connection opened. DBCP-270's fix: the trace list is the lock, not the
 * connection, so clearing the trace under the pool's monitor no longer needs the connection's.
 */
class AbandonedTrace {
  private final List<Object> trace = new ArrayList<>();

  protected void addTrace(Object statement) {
    synchronized (trace) {
      trace.add(statement);
    }
  }

  /** A copy, taken under the list's lock. */
  protected List<Object> getTrace() {
    synchronized (trace) {
      return new ArrayList<>(trace);
    }
  }

  protected void clearTrace() {
    synchronized (trace) {
      trace.clear();
    }
  }
}
