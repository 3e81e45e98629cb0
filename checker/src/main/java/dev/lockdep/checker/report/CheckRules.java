package dev.lockdep.checker.report;

import dev.lockdep.lockgraph.CheckKind;


/**
 * What a SARIF consumer shows about each check: lockdep's title, a one-sentence description and
 * the check's documentation page. The descriptions are those of the Error Prone checks'
 * {@code @BugPattern} summaries (a test keeps them equal); they are repeated here because the javac
 * plugin must not load Error Prone classes.
 */
final class CheckRules {
  /**
   * The documentation, relative to the root of this repository: the project has no public site,
   * and a link to a host it is not on would lead nowhere. SARIF viewers and Error Prone show it as
   * written; it resolves against a checkout of the repository.
   */
  static final String DOCS = "docs/";

  private CheckRules() {}

  /** lockdep's title of the check's reports. */
  static String title(CheckKind check) {
    return switch (check) {
      case LockOrderInversion -> "possible circular locking dependency detected";
      case RecursiveLocking -> "possible recursive locking detected";
      case IrqSafeToUnsafe -> "<IRQ>-safe -> <IRQ>-unsafe lock order detected";
      case InconsistentLockState -> "inconsistent lock state";
      case SleepInAtomicContext -> "sleeping function called from invalid context";
      case UnbalancedUnlock -> "bad unlock balance detected";
      case LockdepAnnotationMisuse -> "invalid lockdep annotation";
    };
  }

  /** One sentence: what the check finds and why it deadlocks. */
  static String description(CheckKind check) {
    return switch (check) {
      case LockOrderInversion ->
          "Locks are nested in orders that form a cycle: threads taking them in different orders can deadlock";
      case RecursiveLocking ->
          "A lock is acquired while its thread already holds it or another lock of its class: the thread can deadlock on itself";
      case IrqSafeToUnsafe ->
          "A lock taken in interrupt context is held while a lock taken with interrupts enabled is acquired: an interrupt can deadlock the thread it interrupts";
      case InconsistentLockState ->
          "A lock is taken both in interrupt context and with interrupts enabled: an interrupt can deadlock the thread it interrupts";
      case SleepInAtomicContext ->
          "A call that can block (a reclaiming allocation or a fence wait) runs in interrupt context or with interrupts disabled";
      case UnbalancedUnlock -> "A lock is released on a path that does not hold it, or released twice";
      case LockdepAnnotationMisuse ->
          "A lockdep annotation is out of range, misplaced, or names a lock that does not exist";
    };
  }

  /** The check's documentation page. */
  static String helpUri(CheckKind check) {
    return DOCS + "checks/" + check.name() + ".md";
  }
}
