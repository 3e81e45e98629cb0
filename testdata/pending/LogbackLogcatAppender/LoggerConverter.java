package logback;

/** %logger */
class LoggerConverter extends Converter {
  @Override
  String convert(LoggingEvent event) {
    return event.getLoggerName() + " ";
  }
}
