package logging;

/** A message pattern with its parameters, formatted only when a handler publishes it. */
final class LogRecord {
  final String message;
  final Object[] parameters;

  LogRecord(String message, Object[] parameters) {
    this.message = message;
    this.parameters = parameters;
  }
}
