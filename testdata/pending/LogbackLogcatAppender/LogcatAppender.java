package logback;

/** Writes each event to Android's logcat; the message is laid out inside doAppend's monitor. */
class LogcatAppender extends AppenderBase {
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
