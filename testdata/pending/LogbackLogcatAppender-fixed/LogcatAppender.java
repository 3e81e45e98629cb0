package logback;

/**
 * Writes each event to Android's logcat. The fix of logback-android #104: logcat needs no lock of
 * the appender's, so the appender extends UnsynchronizedAppenderBase and lays the message out
 * without holding its own monitor.
 */
class LogcatAppender extends UnsynchronizedAppenderBase {
  private final PatternLayout layout;

  LogcatAppender(PatternLayout layout) {
    super("logcat");
    this.layout = layout;
  }

  @Override
  protected void append(LoggingEvent event) {
    String line = layout.doLayout(event);
    Logcat.println(event.getLevel(), line);
  }
}
