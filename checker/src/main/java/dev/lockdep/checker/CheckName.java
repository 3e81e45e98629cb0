package dev.lockdep.checker;

/** The checks of SPEC §8, by the names users write in {@code -Xep:}, {@code Disable=} and {@code @SuppressWarnings}. */
public enum CheckName {
  LockOrderInversion,
  RecursiveLocking,
  IrqSafeToUnsafe,
  InconsistentLockState,
  SleepInAtomicContext,
  UnbalancedUnlock,
  LockdepAnnotationMisuse;

  /** The name that suppresses every check at once. */
  public static final String ALL = "Lockdep";
}
