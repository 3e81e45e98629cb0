package logback;

/** %msg: formats the event's message with its arguments. */
class MessageConverter extends Converter {
  @Override
  String convert(LoggingEvent event) {
    return event.getFormattedMessage();
  }
}
