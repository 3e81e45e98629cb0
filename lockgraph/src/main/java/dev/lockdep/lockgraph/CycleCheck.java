package dev.lockdep.lockgraph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code LockOrderInversion} over the whole graph: every class edge whose types with a current
 * fact close a strong cycle (found with {@link StrongComponents}) is a candidate closing
 * dependency. Candidates are grouped by the locks they connect; in each group they are taken in
 * closing order (greatest provenance first), and each candidate not yet on a reported cycle gets
 * the shortest strong cycle through it, lockdep's {@code check_noncircular} answer for that
 * dependency, until the cap; the number of candidates left is stated in the group's last report.
 */
final class CycleCheck {
  private static final int SUMMARY_LOCKS = 8;
  private final GraphIndex g;
  private final StrongComponents scc;
  private final Witness w;
  private final int cap;
  /** Per class: the group (union-find root) of cycle edges it belongs to, or -1. */
  private final int[] group;
  private final int[] parentState;
  private final int[] parentEdge;
  private final int[] seen;
  private int stamp;

  CycleCheck(GraphIndex g, StrongComponents scc, int cap) {
    this.g = g;
    this.scc = scc;
    this.w = new Witness(g);
    this.cap = cap;
    this.group = new int[g.classCount];
    this.parentState = new int[g.classCount * 2];
    this.parentEdge = new int[g.classCount * 2];
    this.seen = new int[g.classCount * 2];
  }

  void run(List<Finding> out) {
    int[] uf = new int[g.classCount];
    Arrays.setAll(uf, i -> i);
    boolean[] onCycle = new boolean[g.edgeCount()];
    for (int p = 0; p < g.edgeCount(); p++) {
      if (scc.onStrongCycle(g, p, g.edgeDep[p])) {
        onCycle[p] = true;
        union(uf, g.edgeFrom[p], g.edgeTo[p]);
      }
    }
    Arrays.fill(group, -1);
    for (int p = 0; p < g.edgeCount(); p++) {
      if (onCycle[p]) {
        group[g.edgeFrom[p]] = find(uf, g.edgeFrom[p]);
        group[g.edgeTo[p]] = group[g.edgeFrom[p]];
      }
    }
    // Candidates per group, in group order of first class id: deterministic.
    int[] groupSlot = new int[g.classCount];
    Arrays.fill(groupSlot, -1);
    List<IntList> candidates = new ArrayList<>();
    for (int p = 0; p < g.edgeCount(); p++) {
      if (!onCycle[p] || !scc.onStrongCycle(g, p, g.currentTypes(p))) {
        continue;
      }
      int root = group[g.edgeFrom[p]];
      if (groupSlot[root] < 0) {
        groupSlot[root] = candidates.size();
        candidates.add(new IntList(4));
      }
      candidates.get(groupSlot[root]).add(p);
    }
    boolean[] covered = new boolean[g.edgeCount()];
    for (IntList c : candidates) {
      reportGroup(c, covered, out);
    }
  }

  /**
   * Reports up to {@code cap} cycles of one group, each closed by the uncovered candidate that
   * comes first in closing order (greatest provenance, then earliest edge). Picking the next one
   * by a scan, rather than sorting every candidate, keeps a group with many candidates linear.
   */
  private void reportGroup(IntList candidates, boolean[] covered, List<Finding> out) {
    int n = candidates.size();
    Provenance[] latest = new Provenance[n];
    for (int i = 0; i < n; i++) {
      latest[i] = g.latestCurrentAt(candidates.get(i));
    }
    List<int[]> witnesses = new ArrayList<>();
    while (witnesses.size() < cap) {
      int best = -1;
      for (int i = 0; i < n; i++) {
        if (!covered[candidates.get(i)] && (best < 0 || latest[i].compareTo(latest[best]) > 0)) {
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      int[] cycle = shortestCycle(candidates.get(best));
      for (int j = 0; j < cycle.length; j += 2) {
        covered[cycle[j]] = true;
      }
      witnesses.add(cycle);
    }
    int left = 0;
    for (int i = 0; i < n; i++) {
      if (!covered[candidates.get(i)]) {
        left++;
      }
    }
    for (int i = 0; i < witnesses.size(); i++) {
      out.add(finding(witnesses.get(i), i == witnesses.size() - 1 ? left : 0));
    }
  }

  /**
   * The shortest strong cycle closed by the current types of edge {@code p} (prev -> next): a
   * path next ~> prev such that the cycle is strong at both joints, as lockdep's {@code
   * check_noncircular} with {@code hlock_conflict} asks. Returned as (position, type) pairs, the
   * path first and {@code p} last.
   */
  private int[] shortestCycle(int p) {
    int prev = g.edgeFrom[p];
    int next = g.edgeTo[p];
    int dep = g.edgeDep[p] & g.currentTypes(p);
    int bestEnd = -1;
    int bestLength = Integer.MAX_VALUE;
    int bestStartR = -1;
    int[] bestPath = null;
    for (int startR = 0; startR < 2; startR++) {
      int closingTypes = StateGraph.arriving(dep, startR);
      if (closingTypes == 0) {
        continue;
      }
      boolean exclusiveClose = (closingTypes & EdgeType.MASK_EX) != 0;
      int end = bfs(StateGraph.state(next, startR), prev, exclusiveClose);
      if (end < 0) {
        continue;
      }
      int[] path = pathTo(end);
      if (path.length < bestLength) {
        bestLength = path.length;
        bestEnd = end;
        bestStartR = startR;
        bestPath = path;
      }
    }
    if (bestPath == null) {
      throw new IllegalStateException("edge on a strong cycle has no strong closing path");
    }
    int closingTypes = StateGraph.arriving(dep, bestStartR);
    if ((bestEnd & 1) == 1) {
      closingTypes &= EdgeType.MASK_EX;
    }
    int[] cycle = Arrays.copyOf(bestPath, bestPath.length + 2);
    cycle[bestPath.length] = p;
    cycle[bestPath.length + 1] = StateGraph.strongest(closingTypes).ordinal();
    return cycle;
  }

  /** BFS inside the cycle group from {@code start} to a state of {@code target} that may close. */
  private int bfs(int start, int target, boolean exclusiveClose) {
    int grp = group[StateGraph.lockClass(start)];
    stamp++;
    IntList queue = new IntList(16);
    queue.add(start);
    seen[start] = stamp;
    parentState[start] = -1;
    for (int head = 0; head < queue.size(); head++) {
      int s = queue.get(head);
      int end = StateGraph.endTransition(g, s);
      for (int k = StateGraph.firstTransition(g, s); k < end; k++) {
        int t = StateGraph.target(g, s, k);
        if (t < 0 || seen[t] == stamp || group[StateGraph.lockClass(t)] != grp) {
          continue;
        }
        seen[t] = stamp;
        parentState[t] = s;
        parentEdge[t] = k >> 1;
        if (StateGraph.lockClass(t) == target && ((t & 1) == 0 || exclusiveClose)) {
          return t;
        }
        queue.add(t);
      }
    }
    return -1;
  }

  /** The (position, type) pairs of the BFS path to {@code end}, in path order. */
  private int[] pathTo(int end) {
    IntList rev = new IntList(8);
    for (int t = end; parentState[t] >= 0; t = parentState[t]) {
      int s = parentState[t];
      rev.add(StateGraph.stepType(g, parentEdge[t], s & 1, t & 1).ordinal());
      rev.add(parentEdge[t]);
    }
    int[] path = new int[rev.size()];
    for (int i = 0; i < path.length; i++) {
      path[i] = rev.get(path.length - 1 - i);
    }
    return path;
  }

  private Finding finding(int[] cycle, int left) {
    int n = cycle.length / 2;
    List<ChainLink> chain = new ArrayList<>(n);
    boolean reclaim = false;
    boolean fence = false;
    for (int i = 0; i < n; i++) {
      ChainLink l = w.link(cycle[2 * i], EdgeType.ofBit(cycle[2 * i + 1]));
      chain.add(l);
      reclaim |= l.dependency().from().pseudo() == PseudoLock.FS_RECLAIM;
      fence |= l.dependency().from().pseudo() == PseudoLock.DMA_FENCE_MAP;
    }
    DependencyEdge closing = chain.get(n - 1).dependency();
    LockClass prev = closing.from();
    LockClass next = closing.to();
    // The class before prev on the path; lockdep's "parent". For a two-lock cycle it is next.
    LockClass parent = chain.get(n - 2).dependency().from();
    List<LockClass> locks = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      locks.add(chain.get(i).dependency().from());
    }
    StringBuilder order = new StringBuilder();
    for (int i = 0; i < n; i++) {
      // A one-line summary cannot list a long cycle; the chain has every lock.
      if (n > SUMMARY_LOCKS && i == SUMMARY_LOCKS / 2) {
        order.append("... (").append(n - SUMMARY_LOCKS).append(" more) -> ");
        i = n - SUMMARY_LOCKS / 2;
      }
      order.append(locks.get(i).displayName()).append(" -> ");
    }
    order.append(next.displayName());
    String what =
        fence
            ? "fence wait or reclaim in a signalling section: "
            : reclaim ? "allocation under a reclaim-tainted lock: " : "";
    String summary =
        what + "acquiring " + next.displayName() + " while holding " + prev.displayName()
            + " closes the cycle " + order;
    List<String> notes = new ArrayList<>();
    notes.add("which lock already depends on the new lock.");
    if (!parent.equals(next)) {
      notes.add("Chain exists of:\n  " + next.displayName() + " --> " + parent.displayName()
          + " --> " + prev.displayName());
    }
    if (left > 0) {
      notes.add(left + (left == 1 ? " more dependency" : " more dependencies")
          + " among these locks close further cycles not shown");
    }
    List<ScenarioRow> rows =
        List.of(
            ScenarioRow.cpu0(ScenarioRow.acquire(closing.fromMode(), prev)),
            ScenarioRow.cpu1(ScenarioRow.acquire(parent)),
            ScenarioRow.cpu1(ScenarioRow.acquire(prev)),
            ScenarioRow.cpu0(ScenarioRow.acquire(closing.toMode(), next)));
    String hint =
        fence
            ? "do not wait for a fence or future, nor allocate with reclaim, inside a signalling"
                + " section: move it out, or use @GfpFlags(NOWAIT) for the allocation"
            : reclaim
                ? "allocate before taking the lock, or keep the allocation from reclaiming"
                    + " (@GfpFlags(NOFS))"
                : oneKey(locks)
                    ? "nest " + next.name() + " in one subclass order: the outer acquisition with the lower"
                        + " subclass, the inner one marked with @Nested(n) of a higher one"
                    : "take these locks in one global order";
    return new Finding(
        CheckKind.LockOrderInversion,
        "possible circular locking dependency detected",
        summary,
        closing.at(),
        locks,
        chain,
        List.of(),
        rows,
        notes,
        hint,
        Witness.units(chain, List.of()));
  }

  /**
   * Whether every lock of the cycle is one lock class at several subclasses: only then can
   * {@code @Nested} order it; a subclass never orders two classes.
   */
  private static boolean oneKey(List<LockClass> locks) {
    return locks.stream().allMatch(c -> c.key().equals(locks.get(0).key()));
  }

  private static int find(int[] uf, int x) {
    int root = x;
    while (uf[root] != root) {
      root = uf[root];
    }
    while (uf[x] != root) {
      int next = uf[x];
      uf[x] = root;
      x = next;
    }
    return root;
  }

  private static void union(int[] uf, int a, int b) {
    int ra = find(uf, a);
    int rb = find(uf, b);
    if (ra != rb) {
      uf[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
