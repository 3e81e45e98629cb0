package netty.internal;

/** Reads system properties, logging what it cannot parse. */
public final class SystemPropertyUtil {
  private static boolean initializedLogger;
  private static final InternalLogger logger;

  static {
    initializedLogger = false;
    logger = InternalLoggerFactory.getInstance(SystemPropertyUtil.class);
    initializedLogger = true;
  }

  public static long getLong(String key, long def) {
    String value = System.getProperty(key);
    if (value == null) {
      return def;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      if (initializedLogger) {
        logger.debug("Unable to parse the long integer system property '" + key + "':" + value);
      }
      return def;
    }
  }

  private SystemPropertyUtil() {}
}
