package dev.lockdep.lockgraph;

import java.util.List;
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

  /**
   * Whether taking {@code next} while this is held waits for this: of one class, unless a
   * recursive reader meets a reader.
   */
  public boolean blocks(HeldLock next) {
    return lockClass.equals(next.lockClass) && !(next.read == ReadMode.SHARED_RECURSIVE && read.isReader());
  }

  /**
   * The lock of {@code held} that {@code next} takes again: of its class and named as the same
   * object, or null. Looked for before the other holds of the class, because a re-entry of a
   * reentrant lock never waits, whatever else of its class is held: {@code parent.add()} under a
   * child's monitor, then {@code this.touch()} in the parent's body, takes the parent's monitor
   * again.
   */
  public static HeldLock heldInstance(List<HeldLock> held, HeldLock next) {
    if (next.instance == null) {
      return null;
    }
    for (int i = 0, n = held.size(); i < n; i++) {
      HeldLock prev = held.get(i);
      if (prev.blocks(next) && next.instance.equals(prev.instance)) {
        return prev;
      }
    }
    return null;
  }

  /**
   * Whether taking {@code next} under {@code held} is a re-entry that changes nothing held: a
   * reentrant lock the stack already holds on the same object, not a reader asking to write. Java
   * counts such a hold and waits for nothing; the stack is the same after it.
   */
  public static boolean reentry(List<HeldLock> held, HeldLock next) {
    HeldLock prev = next.lockClass.reentrant() ? heldInstance(held, next) : null;
    return prev != null && !(prev.read.isReader() && next.read == ReadMode.EXCLUSIVE);
  }

  /** An exclusive, blocking hold with no known instance. */
  public static HeldLock of(LockClass lockClass, Provenance acquiredAt) {
    return new HeldLock(lockClass, ReadMode.EXCLUSIVE, false, null, acquiredAt);
  }
}
