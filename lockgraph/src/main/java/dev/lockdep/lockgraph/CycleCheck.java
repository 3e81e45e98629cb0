package dev.lockdep.lockgraph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code LockOrderInversion} over the whole graph: every class edge whose types with a current
 * fact close a strong cycle (found with {@link StrongComponents}) is a candidate closing
 * dependency. Candidates are grouped by the locks they connect; in each group they are taken in
 * closing order (greatest provenance first), and each candidate not yet on a reported cycle gets
 * the shortest strong cycle through it, lockdep's {@code check_noncircular} answer for that
 * dependency, until the cap: those are reported in full, and the last of them lists the shortest
 * cycle through every other candidate, one line each.
 */
final class CycleCheck {
  private static final int SUMMARY_LOCKS = 8;
  /** Searches {@link #possibleCycle} makes for one edge before it settles for the shortest cycle. */
  private static final int POSSIBLE_SEARCHES = 64;
  /** States the searches for listed cycles may visit per group ({@link CheckOptions#listingBudget}). */
  private final long budget;
  /** States the cycle searches have visited. */
  private long visited;
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
  /**
   * Edges and classes a search for a cycle that can deadlock leaves out ({@link #possibleCycle});
   * null until one is made.
   */
  private boolean[] excludedEdge;
  private boolean[] excludedClass;

  CycleCheck(GraphIndex g, StrongComponents scc, int cap, long budget) {
    this.g = g;
    this.scc = scc;
    this.w = new Witness(g);
    this.cap = cap;
    this.budget = budget;
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
   * Reports every cycle of one group. Candidates are taken in closing order (greatest provenance,
   * then earliest edge). The first {@code cap} cycles are reported in full, each closed by the
   * first candidate no earlier one is on; the last of them lists, one line each, the shortest
   * cycle through every other candidate (lockdep's {@code check_noncircular} answer for that
   * dependency), each distinct cycle once: none is hidden, and a group of hundreds stays one
   * screen of reports.
   */
  private void reportGroup(IntList candidates, boolean[] covered, List<Finding> out) {
    int n = candidates.size();
    Provenance[] latest = new Provenance[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      latest[i] = g.latestCurrentAt(candidates.get(i));
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> {
      int c = latest[b].compareTo(latest[a]);
      return c != 0 ? c : Integer.compare(candidates.get(a), candidates.get(b));
    });
    List<int[]> shown = new ArrayList<>();
    Set<List<Integer>> met = new HashSet<>();
    boolean[] closesShown = new boolean[n];
    // Candidates each of whose cycles has a class initialized and waited for at once.
    boolean[] impossible = new boolean[n];
    for (int i = 0; i < n && shown.size() < cap; i++) {
      int p = candidates.get(order[i]);
      if (covered[p]) {
        continue;
      }
      int[] cycle = shortestCycle(p);
      if (cycle == null) {
        impossible[order[i]] = true;
        continue;
      }
      for (int j = 0; j < cycle.length; j += 2) {
        covered[cycle[j]] = true;
      }
      shown.add(cycle);
      met.add(rotated(cycle));
      closesShown[order[i]] = true;
    }
    List<int[]> further = new ArrayList<>();
    long start = visited;
    int shortestFor = -1;
    for (int i = 0; i < n; i++) {
      int p = candidates.get(order[i]);
      if (closesShown[order[i]] || impossible[order[i]]) {
        continue;
      }
      if (visited - start > budget) {
        if (shortestFor < 0) {
          shortestFor = further.size();
        }
        if (covered[p]) {
          continue;
        }
      }
      int[] cycle = shortestCycle(p);
      if (cycle == null) {
        continue;
      }
      for (int j = 0; j < cycle.length; j += 2) {
        covered[cycle[j]] = true;
      }
      if (met.add(rotated(cycle))) {
        further.add(cycle);
      }
    }
    for (int i = 0; i < shown.size(); i++) {
      out.add(finding(shown.get(i), i == shown.size() - 1 ? further : List.of(), shortestFor));
    }
  }

  /** A cycle's (position, type) pairs from its least position on: one key for every rotation of it. */
  private static List<Integer> rotated(int[] cycle) {
    int start = 0;
    for (int j = 2; j < cycle.length; j += 2) {
      if (cycle[j] < cycle[start]) {
        start = j;
      }
    }
    List<Integer> key = new ArrayList<>(cycle.length);
    for (int j = 0; j < cycle.length; j++) {
      key.add(cycle[(start + j) % cycle.length]);
    }
    return key;
  }

  /**
   * The shortest strong cycle closed by the current types of edge {@code p} (prev -> next): a
   * path next ~> prev such that the cycle is strong at both joints, as lockdep's {@code
   * check_noncircular} with {@code hlock_conflict} asks. Returned as (position, type) pairs, the
   * path first and {@code p} last. Of the cycles that cannot deadlock because a class on them has
   * finished initializing ({@link #possibleCycle}), the shortest of the others; null when all
   * are such.
   */
  private int[] shortestCycle(int p) {
    int[] cycle = closingCycle(p);
    if (cycle == null) {
      throw new IllegalStateException("edge on a strong cycle has no strong closing path");
    }
    return conflict(cycle) == null ? cycle : possibleCycle(p, cycle);
  }

  /**
   * The shortest cycle closed by edge {@code p} that has no dependency made where a class has
   * finished initializing together with that class's initialization lock ({@link
   * DependencyEdge#initialized}): found by excluding, for the first such pair of the cycle found
   * last, either the dependency or the lock, breadth first over these choices. Null when every
   * choice ends with no cycle: each cycle through {@code p} has such a pair, and none can
   * deadlock. When {@value #POSSIBLE_SEARCHES} searches do not settle it, {@code shortest}, the
   * shortest cycle, which is then reported as it was found.
   */
  private int[] possibleCycle(int p, int[] shortest) {
    if (excludedEdge == null) {
      excludedEdge = new boolean[g.edgeCount()];
      excludedClass = new boolean[g.classCount];
    }
    // A choice: positions of excluded edges, and excluded classes as -1 - class.
    ArrayDeque<int[]> choices = new ArrayDeque<>();
    choose(choices, new int[0], conflict(shortest), p);
    for (int searches = 0; !choices.isEmpty(); searches++) {
      if (searches == POSSIBLE_SEARCHES) {
        return shortest;
      }
      int[] excluded = choices.poll();
      setExcluded(excluded, true);
      int[] cycle = closingCycle(p);
      setExcluded(excluded, false);
      if (cycle != null) {
        int[] conflict = conflict(cycle);
        if (conflict == null) {
          return cycle;
        }
        choose(choices, excluded, conflict, p);
      }
    }
    return null;
  }

  /**
   * Adds the two ways around {@code conflict} to {@code excluded}: without its dependency, or
   * without its class; neither when it is closing edge {@code p} or one of its classes.
   */
  private void choose(ArrayDeque<int[]> choices, int[] excluded, int[] conflict, int p) {
    if (conflict[0] != p) {
      choices.add(with(excluded, conflict[0]));
    }
    if (conflict[1] != g.edgeFrom[p] && conflict[1] != g.edgeTo[p]) {
      choices.add(with(excluded, -1 - conflict[1]));
    }
  }

  private void setExcluded(int[] excluded, boolean value) {
    for (int x : excluded) {
      if (x >= 0) {
        excludedEdge[x] = value;
      } else {
        excludedClass[-1 - x] = value;
      }
    }
  }

  private static int[] with(int[] excluded, int x) {
    int[] more = Arrays.copyOf(excluded, excluded.length + 1);
    more[excluded.length] = x;
    return more;
  }

  /**
   * The first dependency of {@code cycle} made where a class of the cycle's has finished
   * initializing, and that class: {position, class}; null when there is none.
   */
  private int[] conflict(int[] cycle) {
    for (int j = 0; j < cycle.length; j += 2) {
      for (LockClass done : g.initialized(cycle[j])) {
        for (int k = 0; k < cycle.length; k += 2) {
          int c = g.edgeFrom[cycle[k]];
          if (g.classes[c].equals(done)) {
            return new int[] {cycle[j], c};
          }
        }
      }
    }
    return null;
  }

  /** As {@link #shortestCycle}, avoiding the excluded edges and classes; null when there is none. */
  private int[] closingCycle(int p) {
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
      return null;
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
      visited++;
      int s = queue.get(head);
      int end = StateGraph.endTransition(g, s);
      for (int k = StateGraph.firstTransition(g, s); k < end; k++) {
        int t = StateGraph.target(g, s, k);
        if (t < 0 || seen[t] == stamp || group[StateGraph.lockClass(t)] != grp
            || excludedEdge != null && (excludedEdge[k >> 1] || excludedClass[StateGraph.lockClass(t)])) {
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

  /**
   * @param further the cycles the report lists
   * @param shortestFor how many of them are the shortest through each dependency before the
   *     searches' budget ran out, or -1 when all are
   */
  private Finding finding(int[] cycle, List<int[]> further, int shortestFor) {
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
    String order = order(locks, next);
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
    if (!further.isEmpty()) {
      StringBuilder listed = new StringBuilder()
          .append(further.size())
          .append(further.size() == 1 ? " further cycle" : " further cycles")
          .append(" among these locks, the shortest through each of their other dependencies");
      if (shortestFor >= 0) {
        listed.append(" (from ").append(shortestFor + 1).append(" on, past ").append(budget)
            .append(" search steps, one through each dependency no cycle above contains)");
      }
      listed.append(':');
      for (int i = 0; i < further.size(); i++) {
        int[] other = further.get(i);
        int m = other.length / 2;
        List<LockClass> otherLocks = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
          otherLocks.add(g.classes[g.edgeFrom[other[2 * j]]]);
        }
        int closes = other[2 * (m - 1)];
        Provenance at = w.link(closes, EdgeType.ofBit(other[2 * m - 1])).dependency().at();
        listed.append("\n  ").append(i + 1).append(". ").append(order(otherLocks, g.classes[g.edgeTo[closes]]))
            .append(", closed at ").append(at);
      }
      notes.add(listed.toString());
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

  /** The locks of a cycle in order, back to the first: {@code A -> B -> A}; a long one elided in the middle. */
  private static String order(List<LockClass> locks, LockClass next) {
    int n = locks.size();
    StringBuilder order = new StringBuilder();
    for (int i = 0; i < n; i++) {
      // A one-line summary cannot list a long cycle; the chain has every lock.
      if (n > SUMMARY_LOCKS && i == SUMMARY_LOCKS / 2) {
        order.append("... (").append(n - SUMMARY_LOCKS).append(" more) -> ");
        i = n - SUMMARY_LOCKS / 2;
      }
      order.append(locks.get(i).displayName()).append(" -> ");
    }
    return order.append(next.displayName()).toString();
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
