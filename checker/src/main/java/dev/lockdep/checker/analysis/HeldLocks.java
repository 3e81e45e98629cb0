package dev.lockdep.checker.analysis;

import dev.lockdep.lockgraph.HeldLock;
import dev.lockdep.lockgraph.Provenance;
import dev.lockdep.lockgraph.program.MethodSummary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The locks one path through a method holds at a point, oldest first, what that path knows about
 * its locals, and which locks the calls it made may have taken and left held.
 *
 * @param stack the held locks, bottom of the stack first
 * @param facts locals known on this path, by name: a boolean local's value (one that recorded a
 *     {@code tryLock()} result), or {@code false} for a local known to be {@code null}
 * @param leftByCalls what a call on this path may have returned holding, as {@link CallHolds}
 *     names it: only a release can tell, so the stack and the acquisitions do not include it
 * @param releasedCallers the holds of its callers this path has released ({@code unlock(); try {
 *     ... } finally { lock(); }} in a method called with the lock held), with where: what the
 *     path does next runs without them, and composition takes them off its callers' stacks
 */
record HeldLocks(
    List<Entry> stack, Map<String, Boolean> facts, Set<String> leftByCalls, List<HeldLock> releasedCallers) {

  /**
   * One held lock.
   *
   * @param lock the lock
   * @param trylock taken by a trylock
   * @param acquiredAt where
   * @param reentries further acquisitions of the same instance by its holder, each to be released
   */
  record Entry(LockRef lock, boolean trylock, Provenance acquiredAt, int reentries) {
    HeldLock toHeldLock() {
      return lock.held(trylock, acquiredAt);
    }

    /** Whether the acquisition at {@code at} took this hold, of {@code other}'s class. */
    boolean takenAt(Provenance at, LockRef other) {
      return acquiredAt.equals(at) && lock.lockClass().key().equals(other.lockClass().key());
    }

    /** Whether this is a mark for what a lock service of another unit holds ({@link MethodSummary#HELD_BY_CALL}), not a lock. */
    boolean heldByCall() {
      return MethodSummary.HELD_BY_CALL.equals(lock.lockClass());
    }
  }

  static final HeldLocks NONE = new HeldLocks(List.of(), Map.of(), Set.of(), List.of());

  HeldLocks {
    stack = List.copyOf(stack);
    facts = Collections.unmodifiableMap(new TreeMap<>(facts));
    // Most paths never meet a call that may leave a lock held: nothing to copy.
    leftByCalls = leftByCalls.isEmpty() ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(leftByCalls));
    releasedCallers = List.copyOf(releasedCallers);
  }

  private HeldLocks withStack(List<Entry> next) {
    return new HeldLocks(next, facts, leftByCalls, releasedCallers);
  }

  private HeldLocks withFacts(Map<String, Boolean> next) {
    return new HeldLocks(stack, next, leftByCalls, releasedCallers);
  }

  List<HeldLock> held() {
    List<HeldLock> held = new ArrayList<>(stack.size());
    for (Entry e : stack) {
      held.add(e.toHeldLock());
    }
    return held;
  }

  /** The held locks without those the acquisition at {@code at} took of {@code lock}'s class. */
  List<HeldLock> heldExceptTakenAt(Provenance at, LockRef lock) {
    List<HeldLock> held = new ArrayList<>(stack.size());
    for (Entry e : stack) {
      if (!e.takenAt(at, lock)) {
        held.add(e.toHeldLock());
      }
    }
    return held;
  }

  /** The held locks without the one at {@code index}: what stays held while it is waited on. */
  List<HeldLock> heldExcept(int index) {
    List<HeldLock> held = held();
    held.remove(index);
    return held;
  }

  HeldLocks push(Entry entry) {
    List<Entry> next = new ArrayList<>(stack);
    next.add(entry);
    return withStack(next);
  }

  /** This path once the hold the call at {@code call} handed over ends: its mark comes off the stack. */
  HeldLocks withoutHeldByCall(Provenance call) {
    for (int i = stack.size() - 1; i >= 0; i--) {
      Entry e = stack.get(i);
      if (e.acquiredAt().equals(call) && e.heldByCall()) {
        List<Entry> next = new ArrayList<>(stack);
        next.remove(i);
        return withStack(next);
      }
    }
    return this;
  }

  HeldLocks reenter(int index) {
    Entry e = stack.get(index);
    return replace(index, new Entry(e.lock(), e.trylock(), e.acquiredAt(), e.reentries() + 1));
  }

  HeldLocks release(int index) {
    Entry e = stack.get(index);
    if (e.reentries() > 0) {
      return replace(index, new Entry(e.lock(), e.trylock(), e.acquiredAt(), e.reentries() - 1));
    }
    List<Entry> next = new ArrayList<>(stack);
    next.remove(index);
    return withStack(next);
  }

  private HeldLocks replace(int index, Entry entry) {
    List<Entry> next = new ArrayList<>(stack);
    next.set(index, entry);
    return withStack(next);
  }

  /** The topmost entry holding the very object {@code lock} denotes, in any mode; -1 if none. */
  int sameInstance(LockRef lock) {
    for (int i = stack.size() - 1; i >= 0; i--) {
      if (stack.get(i).lock().sameInstance(lock)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The entry a release of {@code lock} ends: the same object in the same mode (any mode for a
   * release that ends either), else, when either side's object is unknown, a lock of the same
   * class in any mode (a reassigned local may name either view of a read-write lock); -1 if none.
   */
  int releasedBy(LockRef lock, boolean anyMode) {
    for (int i = stack.size() - 1; i >= 0; i--) {
      LockRef held = stack.get(i).lock();
      if (held.sameInstance(lock) && (anyMode || held.mode() == lock.mode())) {
        return i;
      }
    }
    for (int i = stack.size() - 1; i >= 0; i--) {
      LockRef held = stack.get(i).lock();
      boolean unknownObject = held.instance() == null || lock.instance() == null;
      if (unknownObject
          && held.lockClass().key().equals(lock.lockClass().key())) {
        return i;
      }
    }
    return -1;
  }

  HeldLocks withFact(String local, boolean value) {
    Map<String, Boolean> next = new TreeMap<>(facts);
    next.put(local, value);
    return withFacts(next);
  }

  HeldLocks withoutFact(String local) {
    if (!facts.containsKey(local)) {
      return this;
    }
    Map<String, Boolean> next = new TreeMap<>(facts);
    next.remove(local);
    return withFacts(next);
  }

  HeldLocks withoutFacts() {
    return facts.isEmpty() ? this : withFacts(Map.of());
  }

  HeldLocks withoutLeftByCalls() {
    return leftByCalls.isEmpty() ? this : new HeldLocks(stack, facts, Set.of(), releasedCallers);
  }

  /** This path after a call that may have returned holding {@code left}. */
  HeldLocks leftHeldByCall(Set<String> left) {
    if (leftByCalls.containsAll(left)) {
      return this;
    }
    Set<String> next = new TreeSet<>(leftByCalls);
    next.addAll(left);
    return new HeldLocks(stack, facts, next, releasedCallers);
  }

  /** This path after releasing {@code lock}, a hold its caller took, at {@code at}. */
  HeldLocks releasingCaller(LockRef lock, Provenance at) {
    HeldLock released = lock.held(false, at);
    for (HeldLock known : releasedCallers) {
      if (known.lockClass().equals(released.lockClass()) && Objects.equals(known.instance(), released.instance())) {
        return this;
      }
    }
    List<HeldLock> next = new ArrayList<>(releasedCallers);
    next.add(released);
    return new HeldLocks(stack, facts, leftByCalls, next);
  }
}
