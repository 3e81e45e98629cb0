package logback;

/** BasicLogcatConfigurator on a context of two loggers: the root holds the logcat appender. */
final class LoggerFactory {
  private static final Logger ROOT = configure(new Logger("ROOT", null));

  private LoggerFactory() {}

  static Logger getLogger(String name) {
    return new Logger(name, ROOT);
  }

  private static Logger configure(Logger root) {
    Converter level = new LevelConverter();
    Converter logger = new LoggerConverter();
    level.setNext(logger);
    logger.setNext(new MessageConverter());
    root.addAppender(new LogcatAppender(new PatternLayout(level)));
    return root;
  }
}
