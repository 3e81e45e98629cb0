package dev.lockdep.lockgraph.program;

import static dev.lockdep.lockgraph.program.KeyText.powerOf31;
import static dev.lockdep.lockgraph.program.SummaryComposer.NO_BODIES;

import dev.lockdep.lockgraph.HeldLock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the walk keeps per body id, which bodies of one id (of two units, say) share: the cap,
 * the root context and the parameters a caller's binding can matter to, each computed on first
 * use from the body that asks; and the first body with the id.
 */
final class BodyId {
  final String text;
  /**
   * {@link ClassHierarchy#owner} and {@link ClassHierarchy#ofLocalClass} of the text, asked of
   * every producer at every virtual call of every context: computed once.
   */
  final String owner;
  final boolean ofLocalClass;
  /** The first body with the id in unit order, or null when none is analysed. */
  Body first;
  private Body[] own;
  /** Contexts entered beyond the root, up to {@link SummaryComposer#MAX_CONTEXTS_PER_BODY}. */
  int contexts;
  /** Contexts offered to it, entered or not, up to {@link SummaryComposer#MAX_CANDIDATES_PER_BODY}. */
  int candidates;
  /**
   * The keys of the lock classes held on entry to the contexts entered: past {@link
   * SummaryComposer#MAX_CONTEXTS_PER_BODY}, a context holding a class none of them held is still
   * composed for what the body itself takes, so that every class reaching the body is ordered
   * before its locks. Null until one is entered.
   */
  Set<String> heldOnEntry;
  /**
   * The stack whose classes {@link #entered} noted last: the contexts a level enters into one body
   * often share theirs (a stack is shared along the chains that take nothing), and no stack
   * changes once built.
   */
  private List<HeldLock> lastEntered;
  /** The stack {@link #offersHeld} last found nothing new in: the next entries offered often share it. */
  private List<HeldLock> offersNothing;
  /**
   * The keys of the classes held by the entries offered past the bound, {@link #heldOnEntry}'s
   * among them: one entry per class newly held is enough, and a level offers many. Null until one
   * is offered.
   */
  private Set<String> heldOffered;
  /** One bit of 64 for the id, for {@link Context#onChain}. */
  final long bit;
  /** The body whose root context the bodies with the id use: the first that asked. */
  Body root;
  /** The parameters its first body to ask uses ({@link #usedParameters}). */
  String[] usedParameters;
  /** Of those, the ones it acquires, holds or passes on ({@link Body#locks}). */
  String[] lockedParameters;
  /** Its place among the producers' ids in key order ({@link SummaryComposer#rankIds}); -1 when they are not ranked. */
  int rank = -1;
  /** The hash and 31 to the power of the length of {@code text + "\n"}, as keys join it; 0 until measured. */
  int hash;
  int power;
  BodyId(String text) {
    this.text = text;
    this.owner = ClassHierarchy.owner(text);
    this.ofLocalClass = ClassHierarchy.ofLocalClass(text);
    this.bit = 1L << (text.hashCode() & 63);
  }

  void measure() {
    hash = 31 * text.hashCode() + '\n';
    power = powerOf31(text.length() + 1);
  }

  /** The body a call runs with no overrides: the first with the id, if any. */
  Body[] ownTargets() {
    if (own == null) {
      own = first == null ? NO_BODIES : new Body[] {first};
    }
    return own;
  }

  /** Notes the classes {@code held} on entry to a context entered. */
  void entered(List<HeldLock> held) {
    if (held == lastEntered) {
      return;
    }
    lastEntered = held;
    if (heldOnEntry == null) {
      heldOnEntry = new HashSet<>();
    }
    for (int i = 0, n = held.size(); i < n; i++) {
      heldOnEntry.add(held.get(i).lockClass().key());
    }
  }

  /** Whether {@code held} has a class that no context entered held on entry. */
  boolean newlyHeld(List<HeldLock> held) {
    for (int i = 0, n = held.size(); i < n; i++) {
      if (heldOnEntry == null || !heldOnEntry.contains(held.get(i).lockClass().key())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether an entry holding {@code held}, offered past the bound, holds a class that no entry
   * entered or offered before held; if so, its classes are noted as offered.
   */
  boolean offerHeld(List<HeldLock> held) {
    if (!offersHeld(held)) {
      return false;
    }
    if (heldOffered == null) {
      heldOffered = new HashSet<>(heldOnEntry == null ? Set.of() : heldOnEntry);
    }
    for (int i = 0, n = held.size(); i < n; i++) {
      heldOffered.add(held.get(i).lockClass().key());
    }
    return true;
  }

  /**
   * Whether {@link #offerHeld} would take an entry holding {@code held}; notes nothing. Once false
   * for a stack, false for good: the classes entered and offered only grow.
   */
  boolean offersHeld(List<HeldLock> held) {
    if (held == offersNothing) {
      return false;
    }
    if (!newlyHeld(held)) {
      offersNothing = held;
      return false;
    }
    if (heldOffered == null) {
      return true;
    }
    for (int i = 0, n = held.size(); i < n; i++) {
      if (!heldOffered.contains(held.get(i).lockClass().key())) {
        return true;
      }
    }
    offersNothing = held;
    return false;
  }
}
