package netty.internal;

/**
 * The logger factory. Its static initializer starts the random generator's background seeding by
 * initializing {@code ThreadLocalRandom} by reflection, since this class is often initialized
 * first.
 */
public abstract class InternalLoggerFactory {
  private static volatile InternalLoggerFactory defaultFactory = newDefaultFactory(InternalLoggerFactory.class.getName());

  static {
    // Initiate some time-consuming background jobs here,
    // because this class is often initialized at the earliest time.
    try {
      Class.forName(ThreadLocalRandom.class.getName(), true, InternalLoggerFactory.class.getClassLoader());
    } catch (Exception ignored) {
      // Should not fail, but it does not harm to fail.
    }
  }

  private static InternalLoggerFactory newDefaultFactory(String name) {
    InternalLoggerFactory f =
        new InternalLoggerFactory() {
          @Override
          protected InternalLogger newInstance(String loggerName) {
            return message -> System.err.println(loggerName + ": " + message);
          }
        };
    f.newInstance(name).debug("Using the JDK as the default logging framework");
    return f;
  }

  public static InternalLoggerFactory getDefaultFactory() {
    return defaultFactory;
  }

  public static InternalLogger getInstance(Class<?> clazz) {
    return getInstance(clazz.getName());
  }

  public static InternalLogger getInstance(String name) {
    return getDefaultFactory().newInstance(name);
  }

  protected abstract InternalLogger newInstance(String name);
}
