package org.codehaus.groovy.runtime;

/**
 * Compile-only stand-in for the class Groovy 2.4's build writes as bytecode (it is in no sources
 * jar): rethrows any throwable without declaring it.
 */
public final class ExceptionUtils {
  private ExceptionUtils() {}

  public static void sneakyThrow(Throwable e) {
    throw new UnsupportedOperationException(e);
  }
}
