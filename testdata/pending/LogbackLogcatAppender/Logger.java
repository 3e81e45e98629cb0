package logback;

/** logback-classic's logger: an event goes to this logger's appenders, then to its parents'. */
class Logger {
  static final int DEBUG = 10;
  static final int INFO = 20;

  private final String name;
  private final Logger parent;
  private AppenderAttachableImpl aai;

  Logger(String name, Logger parent) {
    this.name = name;
    this.parent = parent;
  }

  String getName() {
    return name;
  }

  synchronized void addAppender(Appender appender) {
    if (aai == null) {
      aai = new AppenderAttachableImpl();
    }
    aai.addAppender(appender);
  }

  void info(String msg) {
    filterAndLog0(INFO, msg);
  }

  void debug(String format, Object arg) {
    filterAndLog1(DEBUG, format, arg);
  }

  void debug(String format, Object arg1, Object arg2) {
    filterAndLog2(DEBUG, format, arg1, arg2);
  }

  private void filterAndLog0(int level, String msg) {
    buildLoggingEventAndAppend(level, msg, null);
  }

  private void filterAndLog1(int level, String format, Object param) {
    buildLoggingEventAndAppend(level, format, new Object[] {param});
  }

  private void filterAndLog2(int level, String format, Object param1, Object param2) {
    buildLoggingEventAndAppend(level, format, new Object[] {param1, param2});
  }

  private void buildLoggingEventAndAppend(int level, String msg, Object[] params) {
    LoggingEvent event = new LoggingEvent(this, level, msg, params);
    callAppenders(event);
  }

  private void callAppenders(LoggingEvent event) {
    for (Logger logger = this; logger != null; logger = logger.parent) {
      logger.appendLoopOnAppenders(event);
    }
  }

  private int appendLoopOnAppenders(LoggingEvent event) {
    AppenderAttachableImpl appenders = aai;
    return appenders == null ? 0 : appenders.appendLoopOnAppenders(event);
  }
}
