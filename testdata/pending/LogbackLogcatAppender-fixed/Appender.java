package logback;

/** logback-core's appender: every logger calls doAppend on each appender attached to it. */
interface Appender {
  String getName();

  void doAppend(LoggingEvent event);
}
