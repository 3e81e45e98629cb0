package logback;

/** The base for appenders that need no lock of their own: a thread-local guard, no monitor. */
abstract class UnsynchronizedAppenderBase implements Appender {
  private final String name;
  private final ThreadLocal<Boolean> guard = ThreadLocal.withInitial(() -> Boolean.FALSE);

  protected UnsynchronizedAppenderBase(String name) {
    this.name = name;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public void doAppend(LoggingEvent event) {
    if (guard.get()) {
      return;
    }
    guard.set(Boolean.TRUE);
    try {
      append(event);
    } finally {
      guard.set(Boolean.FALSE);
    }
  }

  protected abstract void append(LoggingEvent event);
}
