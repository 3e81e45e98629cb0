package dev.lockdep.lockgraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code IrqSafeToUnsafe} and {@code InconsistentLockState} over the whole graph.
 *
 * <p>lockdep runs {@code check_irq_usage} on each new edge and {@code check_usage_forwards/
 * backwards} on each new usage bit. Run on every edge of the final graph, they ask together: is
 * there a strong path from an irq-safe class A to an irq-unsafe class B of one irq state, with
 * the read rules of the code (a path starting S* only counts A's write USED_IN bit; a path ending
 * *R only counts B's write ENABLED bit)? This check answers exactly that, once per (A, B, state):
 * the read rules become the start and target states of a {@link StateGraph} search. A starts at
 * r = 0 when it has the write bit (any first edge) and at r = 1 when only the read bit (first edge
 * E*); B is a target at r = 0 with any ENABLED bit and at r = 1 with the write one. A pass over
 * the strongly connected components first marks the states that can reach a target, so the
 * search from each irq-safe class only walks where a report lies. The search stops at the first irq-unsafe class of a path (the
 * classes behind it are unsafe because of it, and lockdep too names the nearest) and at another
 * irq-safe class whose own search covers the rest; so each report is a pair joined by a path with
 * no other safe or unsafe class of that state inside.
 */
final class IrqUsageCheck {
  private final GraphIndex g;
  private final StrongComponents scc;
  private final Witness w;
  private final boolean[] canReach;
  private final int[] parentState;
  private final int[] parentEdge;
  private final int[] seen;
  private final int[] paired;
  private int stamp;

  IrqUsageCheck(GraphIndex g, StrongComponents scc) {
    this.g = g;
    this.scc = scc;
    this.w = new Witness(g);
    this.canReach = new boolean[g.classCount * 2];
    this.parentState = new int[g.classCount * 2];
    this.parentEdge = new int[g.classCount * 2];
    this.seen = new int[g.classCount * 2];
    this.paired = new int[g.classCount];
  }

  void run(List<Finding> out) {
    for (IrqKind kind : IrqKind.values()) {
      inconsistent(kind, out);
      safeToUnsafe(kind, out);
    }
  }

  /** {@code valid_state}: one class both safe and unsafe for one irq state. */
  private void inconsistent(IrqKind kind, List<Finding> out) {
    UsageBit in = UsageBit.of(kind, false, false);
    UsageBit inRead = UsageBit.of(kind, false, true);
    UsageBit on = UsageBit.of(kind, true, false);
    UsageBit onRead = UsageBit.of(kind, true, true);
    UsageBit[][] conflicts = {{in, on}, {in, onRead}, {inRead, on}};
    for (int c = 0; c < g.classCount; c++) {
      int usage = g.usage[c];
      for (UsageBit[] pair : conflicts) {
        if (UsageBits.has(usage, pair[0]) && UsageBits.has(usage, pair[1])) {
          inconsistentFinding(c, pair[0], pair[1]).ifPresent(out::add);
          break;
        }
      }
    }
  }

  private Optional<Finding> inconsistentFinding(int c, UsageBit safe, UsageBit unsafe) {
    boolean safeCurrent = g.usageIsCurrent(c, safe);
    boolean unsafeCurrent = g.usageIsCurrent(c, unsafe);
    if (!safeCurrent && !unsafeCurrent) {
      return Optional.empty();
    }
    UsageLink safeFact = w.usage(c, safe);
    UsageLink unsafeFact = w.usage(c, unsafe);
    // The "new" usage, whose position the error takes: a current one, else the later one.
    boolean unsafeIsNew =
        unsafeCurrent != safeCurrent
            ? unsafeCurrent
            : unsafeFact.usage().at().compareTo(safeFact.usage().at()) >= 0;
    UsageLink old = unsafeIsNew ? safeFact : unsafeFact;
    UsageLink now = unsafeIsNew ? unsafeFact : safeFact;
    String name = w.name(c);
    String irq = safe.state() == IrqKind.HARDIRQ ? "hardirq" : "softirq";
    String summary =
        name + " is taken " + (safe.isRead() ? "for reading " : "") + "in " + irq
            + " context and " + (unsafe.isRead() ? "for reading " : "") + "with " + irq
            + "s enabled";
    return Optional.of(
        new Finding(
            CheckKind.InconsistentLockState,
            "inconsistent {" + old.usage().bit().label() + "} -> {" + now.usage().bit().label()
                + "} usage.",
            summary,
            now.usage().at(),
            List.of(w.lockClass(c)),
            List.of(),
            List.of(old, now),
            List.of(
                ScenarioRow.cpu0(ScenarioRow.acquire(w.lockClass(c))),
                ScenarioRow.cpu0(ScenarioRow.INTERRUPT),
                ScenarioRow.cpu0("  " + ScenarioRow.acquire(w.lockClass(c)))),
            List.of(name + " usage " + UsageBits.usageString(g.usage[c])),
            "disable " + irq + "s around every process-context acquisition of " + name + " ("
                + irqsDisabled(safe.state()) + "), or do not take it in interrupt context",
            Witness.units(List.of(), List.of(old, now))));
  }

  /** The annotation that disables {@code state} in a method (HARDIRQ is its default). */
  private static String irqsDisabled(IrqKind state) {
    return state == IrqKind.HARDIRQ ? "@IrqsDisabled" : "@IrqsDisabled(SOFTIRQ)";
  }

  private void safeToUnsafe(IrqKind kind, List<Finding> out) {
    UsageBit in = UsageBit.of(kind, false, false);
    UsageBit inRead = UsageBit.of(kind, false, true);
    UsageBit on = UsageBit.of(kind, true, false);
    UsageBit onRead = UsageBit.of(kind, true, true);
    markCanReach(on, onRead);
    IntList queue = new IntList(64);
    for (int a = 0; a < g.classCount; a++) {
      int usage = g.usage[a];
      int start;
      if (UsageBits.has(usage, in)) {
        start = StateGraph.state(a, 0);
      } else if (UsageBits.has(usage, inRead)) {
        start = StateGraph.state(a, 1);
      } else {
        continue;
      }
      UsageBit safeBit = UsageBits.has(usage, in) ? in : inRead;
      stamp++;
      queue.clear();
      queue.add(start);
      seen[start] = stamp;
      parentState[start] = -1;
      paired[a] = stamp;
      for (int head = 0; head < queue.size(); head++) {
        int s = queue.get(head);
        int end = StateGraph.endTransition(g, s);
        for (int k = StateGraph.firstTransition(g, s); k < end; k++) {
          int t = StateGraph.target(g, s, k);
          if (t < 0 || !canReach[t] || seen[t] == stamp) {
            continue;
          }
          seen[t] = stamp;
          parentState[t] = s;
          parentEdge[t] = k >> 1;
          int b = StateGraph.lockClass(t);
          if (isTarget(t, on, onRead)) {
            // The nearest irq-unsafe lock is the problem; locks beyond it are its consequences.
            if (paired[b] != stamp) {
              paired[b] = stamp;
              UsageBit unsafeBit = (t & 1) == 1 || UsageBits.has(g.usage[b], on) ? on : onRead;
              pairFinding(a, safeBit, t, unsafeBit).ifPresent(out::add);
            }
          } else if (!startsAtLeastAsStrong(b, t, in, inRead)) {
            queue.add(t);
          }
        }
      }
    }
  }

  /**
   * Whether irq-safe class {@code b}'s own search starts in a state that reaches everything
   * {@code state} reaches: then what lies beyond b is reported as b's problem, not again as the
   * problem of every irq-safe lock that leads to b.
   */
  private boolean startsAtLeastAsStrong(int b, int state, UsageBit in, UsageBit inRead) {
    int usage = g.usage[b];
    return UsageBits.has(usage, in) || ((state & 1) == 1 && UsageBits.has(usage, inRead));
  }

  private boolean isTarget(int state, UsageBit on, UsageBit onRead) {
    int usage = g.usage[StateGraph.lockClass(state)];
    return (state & 1) == 1
        ? UsageBits.has(usage, on)
        : UsageBits.has(usage, on) || UsageBits.has(usage, onRead);
  }

  /**
   * Marks every state with a strong path (possibly empty) to an irq-unsafe target state. All
   * states of a strongly connected component reach the same states, and components come in
   * reverse topological order, so one forward pass over the components in order decides each
   * from its own targets and the components it leads to, all decided before it.
   */
  private void markCanReach(UsageBit on, UsageBit onRead) {
    boolean[] reaches = new boolean[scc.componentSize.length];
    for (int c = 0; c < reaches.length; c++) {
      boolean reach = false;
      for (int i = scc.memberStart[c]; i < scc.memberStart[c + 1] && !reach; i++) {
        int s = scc.members[i];
        reach = isTarget(s, on, onRead);
        int end = StateGraph.endTransition(g, s);
        for (int k = StateGraph.firstTransition(g, s); k < end && !reach; k++) {
          int t = StateGraph.target(g, s, k);
          reach = t >= 0 && reaches[scc.component[t]];
        }
      }
      reaches[c] = reach;
    }
    for (int s = 0; s < canReach.length; s++) {
      canReach[s] = reaches[scc.component[s]];
    }
  }

  private Optional<Finding> pairFinding(
      int a, UsageBit safeBit, int targetState, UsageBit unsafeBit) {
    int b = StateGraph.lockClass(targetState);
    IntList positions = new IntList(8);
    List<EdgeType> types = new ArrayList<>();
    for (int t = targetState; parentState[t] >= 0; t = parentState[t]) {
      int s = parentState[t];
      positions.add(parentEdge[t]);
      types.add(StateGraph.stepType(g, parentEdge[t], s & 1, t & 1));
    }
    int n = positions.size();
    List<ChainLink> chain = new ArrayList<>(n);
    IntList ordered = new IntList(n);
    List<EdgeType> orderedTypes = new ArrayList<>(n);
    boolean anyCurrent = false;
    for (int i = n - 1; i >= 0; i--) {
      int p = positions.get(i);
      ordered.add(p);
      orderedTypes.add(types.get(i));
      chain.add(w.link(p, types.get(i)));
      anyCurrent |= g.hasCurrentFact(p, types.get(i));
    }
    boolean safeCurrent = g.usageIsCurrent(a, safeBit);
    boolean unsafeCurrent = g.usageIsCurrent(b, unsafeBit);
    if (!anyCurrent && !safeCurrent && !unsafeCurrent) {
      return Optional.empty();
    }
    DependencyEdge closing = chain.get(w.closing(ordered, orderedTypes)).dependency();
    UsageLink safe = w.usage(a, safeBit);
    UsageLink unsafe = w.usage(b, unsafeBit);
    Provenance position =
        anyCurrent
            ? closing.at()
            : unsafeCurrent ? unsafe.usage().at() : safe.usage().at();
    String state = safeBit.state().name() + (safeBit.isRead() ? "-READ" : "");
    String safeName = w.name(a);
    String unsafeName = w.name(b);
    LockClass middle = closing.from().equals(w.lockClass(a)) ? closing.to() : closing.from();
    List<String> notes = new ArrayList<>();
    notes.add("which would create a new lock dependency: " + closing.from().displayName()
        + " -> " + closing.to().displayName());
    notes.add("but this new dependency connects a " + state + "-irq-safe lock: " + safeName);
    notes.add("to a " + state + "-irq-unsafe lock: " + unsafeName);
    if (!middle.equals(w.lockClass(b))) {
      notes.add("Chain exists of:\n  " + safeName + " --> " + middle.displayName() + " --> "
          + unsafeName);
    }
    String irq = safeBit.state() == IrqKind.HARDIRQ ? "hardirq" : "softirq";
    StringBuilder path = new StringBuilder(safeName);
    for (ChainLink l : chain) {
      path.append(" -> ").append(l.dependency().to().displayName());
    }
    String summary =
        safeName + ", taken in " + irq + " context, leads to " + unsafeName + ", taken with "
            + irq + "s enabled: " + path;
    List<UsageLink> usages = List.of(safe, unsafe);
    return Optional.of(
        new Finding(
            CheckKind.IrqSafeToUnsafe,
            state + "-safe -> " + state + "-unsafe lock order detected",
            summary,
            position,
            List.of(w.lockClass(a), w.lockClass(b)),
            chain,
            usages,
            List.of(
                ScenarioRow.cpu0(ScenarioRow.acquire(w.lockClass(b))),
                ScenarioRow.cpu1(ScenarioRow.IRQS_OFF),
                ScenarioRow.cpu1(ScenarioRow.acquire(w.lockClass(a))),
                ScenarioRow.cpu1(ScenarioRow.acquire(middle)),
                ScenarioRow.cpu0(ScenarioRow.INTERRUPT),
                ScenarioRow.cpu0("  " + ScenarioRow.acquire(w.lockClass(a)))),
            notes,
            "disable " + irq + "s around every acquisition of " + unsafeName + " ("
                + irqsDisabled(safeBit.state()) + "), or do not acquire it while " + safeName
                + " is held",
            Witness.units(chain, usages)));
  }
}
