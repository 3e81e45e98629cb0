package dev.lockdep.lockgraph;

/**
 * The checks, named as the Error Prone checks that report them ({@code name()} is the check
 * name). The graph engine produces the first four; the others are front-end checks whose findings
 * share this report model.
 */
public enum CheckKind {
  LockOrderInversion,
  RecursiveLocking,
  IrqSafeToUnsafe,
  InconsistentLockState,
  SleepInAtomicContext,
  UnbalancedUnlock,
  LockdepAnnotationMisuse
}
