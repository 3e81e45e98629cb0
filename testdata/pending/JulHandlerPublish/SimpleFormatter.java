package logging;

/** The default formatter. */
class SimpleFormatter extends Formatter {
  @Override
  String format(LogRecord record) {
    return formatMessage(record) + System.lineSeparator();
  }
}
