package dev.lockdep.lockgraph;

/**
 * The strong-path state graph over a {@link GraphIndex}: state {@code 2 * class + r}, where r = 1
 * when the path reached the class through an edge ending in a recursive reader (*R). From an
 * r = 1 state only edges starting with an exclusive holder (E*) may follow; that is exactly the
 * rule that makes a path strong, so paths in this graph are the strong paths of lockdep's theory
 * and a search over it is exact (lockdep's own BFS marks visited per class only).
 *
 * <p>The transitions of class u's state are numbered {@code k} from {@code 2 * outStart[u]} to
 * {@code 2 * outStart[u + 1] - 1}: edge position {@code k >> 1}, arriving with r = {@code k & 1}.
 */
final class StateGraph {
  private StateGraph() {}

  static int state(int lockClass, int r) {
    return lockClass * 2 + r;
  }

  static int lockClass(int state) {
    return state >> 1;
  }

  /** The dep bits usable leaving a state with this r. */
  static int allowed(int dep, int r) {
    return r == 1 ? dep & EdgeType.MASK_EX : dep;
  }

  /** The types among {@code dep} that arrive with this r. */
  static int arriving(int dep, int r) {
    return dep & (r == 1 ? EdgeType.MASK_XR : EdgeType.MASK_XN);
  }

  static int firstTransition(GraphIndex g, int state) {
    return 2 * g.outStart[lockClass(state)];
  }

  static int endTransition(GraphIndex g, int state) {
    return 2 * g.outStart[lockClass(state) + 1];
  }

  /** The state transition {@code k} of {@code state} leads to, or -1 when the types forbid it. */
  static int target(GraphIndex g, int state, int k) {
    return target(g, state, k, g.edgeDep[k >> 1]);
  }

  /** As {@link #target(GraphIndex, int, int)} using only the types in {@code dep}. */
  static int target(GraphIndex g, int state, int k, int dep) {
    int p = k >> 1;
    int r = k & 1;
    return arriving(allowed(dep, state & 1), r) != 0 ? state(g.edgeTo[p], r) : -1;
  }

  /**
   * The edge type to show for a step from a state with {@code fromR} along edge {@code p}
   * arriving with {@code toR}: the strongest (E* before S*) of the usable types.
   */
  static EdgeType stepType(GraphIndex g, int p, int fromR, int toR) {
    int usable = arriving(allowed(g.edgeDep[p], fromR), toR);
    // A type with a fact from a current unit shows that fact, so the report names that unit.
    int current = usable & g.currentTypes(p);
    return strongest(current != 0 ? current : usable);
  }

  static EdgeType strongest(int mask) {
    return EdgeType.ofBit(31 - Integer.numberOfLeadingZeros(mask));
  }
}
