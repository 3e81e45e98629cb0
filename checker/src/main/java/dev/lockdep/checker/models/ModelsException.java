package dev.lockdep.checker.models;

/** A models file that cannot be used: the message names the file and the line. */
public final class ModelsException extends Exception {
  private static final long serialVersionUID = 1L;

  ModelsException(String message) {
    super(message);
  }

  ModelsException(String message, Throwable cause) {
    super(message, cause);
  }
}
