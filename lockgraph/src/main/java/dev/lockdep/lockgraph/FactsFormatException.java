package dev.lockdep.lockgraph;

/**
 * A facts file that cannot be read: bad magic, unsupported version, truncation or inconsistent
 * contents. The message names the source the caller gave (e.g. {@code
 * foo.jar!META-INF/lockdep/x.facts}) and what is wrong.
 */
public final class FactsFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String source;

  public FactsFormatException(String source, String problem) {
    super(source + ": " + problem);
    this.source = source;
  }

  /** The entry or file the caller named. */
  public String source() {
    return source;
  }
}
