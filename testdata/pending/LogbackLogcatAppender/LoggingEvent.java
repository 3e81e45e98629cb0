package logback;

/** One logging call: the format and its arguments, formatted on first use. */
class LoggingEvent {
  private final Logger logger;
  private final int level;
  private final String message;
  private final Object[] argumentArray;
  private String formattedMessage;

  LoggingEvent(Logger logger, int level, String message, Object[] argumentArray) {
    this.logger = logger;
    this.level = level;
    this.message = message;
    this.argumentArray = argumentArray;
  }

  int getLevel() {
    return level;
  }

  String getLoggerName() {
    return logger.getName();
  }

  String getFormattedMessage() {
    if (formattedMessage == null) {
      formattedMessage = argumentArray == null ? message : MessageFormatter.arrayFormat(message, argumentArray);
    }
    return formattedMessage;
  }
}
