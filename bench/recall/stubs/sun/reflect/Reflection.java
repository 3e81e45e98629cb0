package sun.reflect;

/** Compile-only stand-in for the JDK 8 internal class that logback 0.9.x calls; JDK 9+ lacks it. */
public final class Reflection {
  private Reflection() {}

  public static Class<?> getCallerClass(int depth) {
    throw new UnsupportedOperationException();
  }
}
