package dev.lockdep.lockgraph;

/** lockdep's {@code read} argument of {@code lock_acquire}; the ordinal is lockdep's value. */
public enum ReadMode {
  /** read=0: a writer, or any exclusive lock. */
  EXCLUSIVE,
  /** read=1: a non-recursive reader, blocked by a queued writer ({@code down_read}). */
  SHARED,
  /** read=2: a recursive reader, blocked only by a writer holding the lock. */
  SHARED_RECURSIVE;

  public boolean isReader() {
    return this != EXCLUSIVE;
  }
}
