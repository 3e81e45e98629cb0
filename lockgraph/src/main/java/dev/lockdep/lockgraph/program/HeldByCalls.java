package dev.lockdep.lockgraph.program;

import dev.lockdep.lockgraph.HeldLock;
import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.Provenance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Puts in place of each {@link MethodSummary#HELD_BY_CALL} mark the locks the marked call returns
 * holding, before the walk: a lock service of another unit ({@code segment.lock(); try { ... }
 * finally { segment.unlock(); }}, with {@code lock()} in a superclass's file) hands its lock to
 * what its caller does in the {@code try}, as a lock service of the caller's own unit does in the
 * front end. The front end cannot look into another unit's body; composition has every summary.
 *
 * <p>The call's targets are the bodies the class hierarchy selects for the concrete subtypes of
 * its receiver's static type (every body the call may run in some frame when the program knows
 * no such type, as the walk finds them), not those of the calling context: what they return holding is a fact of each body, and
 * one lock service seldom has overrides that return different locks. Their locks are seen from
 * the caller: the callee's {@code this.sync} is {@code receiver.sync}, a lock of the callee's
 * parameter or local is no object the caller names, and each is taken where the call is.
 */
final class HeldByCalls {
  private HeldByCalls() {}

  /**
   * Rewrites, in place, the summaries of {@code bodies} that carry marks; {@code everyTarget} gives
   * every body a call may run in some frame.
   */
  static void resolve(
      List<Body> bodies, Function<MethodSummary.CallSite, Body[]> everyTarget, StoredArguments stored, TypeHierarchy types) {
    boolean anyService = false;
    for (Body body : bodies) {
      anyService |= !body.summary.returnsHolding().isEmpty();
    }
    for (Body body : bodies) {
      if (hasMarks(body.summary)) {
        body.summary = resolved(body, anyService, everyTarget, stored, types);
      }
    }
  }

  private static boolean hasMarks(MethodSummary summary) {
    for (MethodSummary.Acquisition acquisition : summary.acquisitions()) {
      if (hasMark(acquisition.held())) {
        return true;
      }
    }
    for (MethodSummary.CallSite call : summary.calls()) {
      if (hasMark(call.held())) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasMark(List<HeldLock> held) {
    for (HeldLock lock : held) {
      if (MethodSummary.isHeldByCall(lock)) {
        return true;
      }
    }
    return false;
  }

  private static MethodSummary resolved(
      Body body, boolean anyService, Function<MethodSummary.CallSite, Body[]> everyTarget, StoredArguments stored,
      TypeHierarchy types) {
    MethodSummary summary = body.summary;
    Function<Provenance, List<HeldLock>> handed = at -> handed(body, at, everyTarget, stored, types);
    Map<Provenance, List<HeldLock>> byCall = new HashMap<>();
    List<MethodSummary.Acquisition> acquisitions = new ArrayList<>();
    for (MethodSummary.Acquisition a : summary.acquisitions()) {
      List<HeldLock> held = held(a.held(), anyService, handed, byCall);
      acquisitions.add(held == a.held() ? a : new MethodSummary.Acquisition(held, a.next(), a.at(), a.guards(), a.released()));
    }
    List<MethodSummary.CallSite> calls = new ArrayList<>();
    for (MethodSummary.CallSite c : summary.calls()) {
      List<HeldLock> held = held(c.held(), anyService, handed, byCall);
      calls.add(held == c.held() ? c : c.withHeld(held));
    }
    return summary.withEvents(acquisitions, calls);
  }

  /** {@code held} with each mark replaced; {@code held} itself when it has none. */
  private static List<HeldLock> held(
      List<HeldLock> held,
      boolean anyService,
      Function<Provenance, List<HeldLock>> handed,
      Map<Provenance, List<HeldLock>> byCall) {
    if (!hasMark(held)) {
      return held;
    }
    List<HeldLock> out = new ArrayList<>(held.size());
    for (HeldLock lock : held) {
      if (!MethodSummary.isHeldByCall(lock)) {
        out.add(lock);
      } else if (anyService) {
        out.addAll(byCall.computeIfAbsent(lock.acquiredAt(), handed));
      }
    }
    return out;
  }

  /**
   * What the call of {@code caller} at {@code at} returns holding, seen from the caller. A lock the
   * callee keeps in a field its constructor set from an argument (a wrapper's lock) is the lock
   * that argument is, where the caller knows the object's creation.
   */
  private static List<HeldLock> handed(
      Body caller, Provenance at, Function<MethodSummary.CallSite, Body[]> everyTarget, StoredArguments stored,
      TypeHierarchy types) {
    MethodSummary.CallSite call = null;
    for (MethodSummary.CallSite c : caller.summary.calls()) {
      if (c.at().equals(at)) {
        call = c;
        break;
      }
    }
    if (call == null) {
      return List.of();
    }
    Set<HeldLock> locks = new LinkedHashSet<>();
    Map<String, MethodSummary.Argument> fields = null;
    for (Body target : targets(call, everyTarget, types)) {
      for (HeldLock lock : target.summary.returnsHolding()) {
        if (fields == null) {
          fields = stored.of(caller, call.receiver());
        }
        MethodSummary.Argument made = lock.instance() == null ? null : fields.get(lock.instance());
        LockClass lockClass = lock.lockClass();
        String instance = seenFromCaller(lock.instance(), call.receiver());
        if (made != null && SummaryComposer.passesLockClass(made)) {
          lockClass = made.lockClass();
          instance = made.instance() != null ? made.instance() : instance;
        }
        locks.add(new HeldLock(lockClass, lock.read(), lock.trylock(), instance, at));
      }
    }
    return List.copyOf(locks);
  }

  /**
   * The bodies the call may run: those the concrete subtypes of its receiver's type select, in
   * the program's order; else every one it may run in some frame.
   */
  private static Iterable<Body> targets(
      MethodSummary.CallSite call, Function<MethodSummary.CallSite, Body[]> everyTarget, TypeHierarchy types) {
    String[] concrete = call.receiverType() == null ? new String[0] : types.concreteSubtypes(call.receiverType());
    if (!call.virtual() || concrete.length == 0) {
      return List.of(everyTarget.apply(call));
    }
    TreeMap<Integer, Body> targets = new TreeMap<>();
    for (String type : concrete) {
      Body body = types.select(type, call.callee());
      if (body != null) {
        targets.put(body.index, body);
      }
    }
    return targets.values();
  }

  /** A lock the callee names {@code instance}, as its caller names it when the callee's {@code this} is {@code receiver}. */
  private static String seenFromCaller(String instance, String receiver) {
    if (instance == null || instance.startsWith(MethodSummary.LOCAL)) {
      return null;
    }
    if (instance.equals("this") || instance.startsWith("this.")) {
      return receiver == null ? null : receiver + instance.substring("this".length());
    }
    return instance;
  }

  /** The arguments the constructor of the object a receiver names stored in its fields ({@link SummaryComposer#storedArguments}). */
  @FunctionalInterface
  interface StoredArguments {
    Map<String, MethodSummary.Argument> of(Body caller, String receiver);
  }
}
