package dev.lockdep.checker.analysis;

import java.util.List;

/**
 * What a call does to the locks its thread holds.
 *
 * @param kind acquire, try, release or wait
 * @param locks the locks it acts on ({@code @Acquires} may name several)
 * @param anyMode a release that ends a hold of either mode ({@code StampedLock.unlock(stamp)})
 */
record LockOperation(Kind kind, List<LockRef> locks, boolean anyMode) {

  enum Kind {
    /** Blocks until held: {@code lock()}, {@code readLock()}, {@code acquire()}, {@code @Acquires}. */
    ACQUIRE,
    /** Cannot block; holds the lock when it succeeds: {@code tryLock()}. */
    TRY_ACQUIRE,
    /** {@code unlock()}, {@code release()}, {@code @Releases}. */
    RELEASE,
    /**
     * {@code Object.wait} and {@code Condition.await}: the lock is released while waiting and taken
     * again, with every other held lock still held.
     */
    WAIT
  }

  static LockOperation of(Kind kind, LockRef lock) {
    return new LockOperation(kind, List.of(lock), false);
  }
}
