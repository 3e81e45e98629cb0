package logback;

/** %level */
class LevelConverter extends Converter {
  @Override
  String convert(LoggingEvent event) {
    return event.getLevel() == Logger.DEBUG ? "DEBUG " : "INFO ";
  }
}
