package dev.lockdep.lockgraph;

import java.util.Objects;

/**
 * One entry of the held-lock stack ({@code struct held_lock}).
 *
 * @param lockClass the class of the held lock
 * @param read how it is held
 * @param trylock whether it was taken by a trylock
 * @param instance an identity of the lock object when the front end knows one (the same
 *     expression on effectively-final roots), else {@code null}; used for the same-instance rules
 *     of {@code RecursiveLocking}
 * @param acquiredAt where it was acquired
 */
public record HeldLock(
    LockClass lockClass, ReadMode read, boolean trylock, String instance, Provenance acquiredAt) {

  public HeldLock {
    Objects.requireNonNull(lockClass);
    Objects.requireNonNull(read);
    Objects.requireNonNull(acquiredAt);
  }

  /** An exclusive, blocking hold with no known instance. */
  public static HeldLock of(LockClass lockClass, Provenance acquiredAt) {
    return new HeldLock(lockClass, ReadMode.EXCLUSIVE, false, null, acquiredAt);
  }
}
