package dbcp;

import java.util.ArrayList;
import java.util.List;

/** Tracks the statements a connection opened; its methods lock the connection object itself. */
class AbandonedTrace {
  private final List<Object> trace = new ArrayList<>();

  protected synchronized void addTrace(Object statement) {
    trace.add(statement);
  }

  /** The list itself, read by passivate() before clearing. */
  protected List<Object> getTrace() {
    return trace;
  }

  protected synchronized void clearTrace() {
    trace.clear();
  }
}
