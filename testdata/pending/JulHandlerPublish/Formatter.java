package logging;

/** java.util.logging.Formatter: formatMessage() renders each parameter with its toString(). */
abstract class Formatter {
  abstract String format(LogRecord record);

  String formatMessage(LogRecord record) {
    StringBuilder text = new StringBuilder(record.message);
    for (Object parameter : record.parameters) {
      text.append(' ').append(parameter.toString());
    }
    return text.toString();
  }
}
