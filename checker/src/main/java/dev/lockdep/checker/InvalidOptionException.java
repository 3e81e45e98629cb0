package dev.lockdep.checker;

/** A LockdepCheck option that is unknown or has a value it cannot take. */
public final class InvalidOptionException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidOptionException(String message) {
    super(message);
  }
}
