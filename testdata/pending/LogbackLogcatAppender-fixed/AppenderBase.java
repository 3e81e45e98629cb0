package logback;

/** The synchronized base: doAppend holds the appender's own monitor while the subclass appends. */
abstract class AppenderBase implements Appender {
  private final String name;
  private boolean guard;

  protected AppenderBase(String name) {
    this.name = name;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public synchronized void doAppend(LoggingEvent event) {
    if (guard) {
      return;
    }
    guard = true;
    try {
      append(event);
    } finally {
      guard = false;
    }
  }

  protected abstract void append(LoggingEvent event);
}
