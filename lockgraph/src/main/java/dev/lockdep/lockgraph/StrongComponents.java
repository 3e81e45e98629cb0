package dev.lockdep.lockgraph;

import java.util.Arrays;

/**
 * Strongly connected components of the {@link StateGraph}, by an iterative Tarjan (no recursion,
 * so graph depth cannot overflow the stack). A closed walk of the state graph is a strong cycle of
 * lock classes, so a component with more than one state holds strong cycles and a class edge
 * between two states of one such component lies on one.
 */
final class StrongComponents {
  /**
   * Per state, its component. Components are numbered in the order Tarjan completes them, which
   * is a reverse topological order: every transition leaving a component enters a lower number.
   */
  final int[] component;
  final int[] componentSize;
  /** States grouped by component: those of c are members[memberStart[c]..memberStart[c+1]-1]. */
  final int[] memberStart;
  final int[] members;

  private StrongComponents(int[] component, int[] componentSize) {
    this.component = component;
    this.componentSize = componentSize;
    memberStart = new int[componentSize.length + 1];
    for (int c = 0; c < componentSize.length; c++) {
      memberStart[c + 1] = memberStart[c] + componentSize[c];
    }
    int[] fill = Arrays.copyOf(memberStart, componentSize.length);
    members = new int[component.length];
    for (int s = 0; s < component.length; s++) {
      members[fill[component[s]]++] = s;
    }
  }

  static StrongComponents of(GraphIndex g) {
    int n = g.classCount * 2;
    int[] index = new int[n];
    int[] low = new int[n];
    int[] cursor = new int[n];
    int[] component = new int[n];
    Arrays.fill(index, -1);
    Arrays.fill(component, -1);
    IntList stack = new IntList(64);
    IntList calls = new IntList(64);
    IntList sizes = new IntList(64);
    int counter = 0;
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      index[root] = low[root] = counter++;
      cursor[root] = StateGraph.firstTransition(g, root);
      stack.add(root);
      calls.add(root);
      while (calls.size() > 0) {
        int s = calls.last();
        int end = StateGraph.endTransition(g, s);
        boolean descended = false;
        while (cursor[s] < end) {
          int t = StateGraph.target(g, s, cursor[s]++);
          if (t < 0) {
            continue;
          }
          if (index[t] < 0) {
            index[t] = low[t] = counter++;
            cursor[t] = StateGraph.firstTransition(g, t);
            stack.add(t);
            calls.add(t);
            descended = true;
            break;
          }
          if (component[t] < 0) {
            low[s] = Math.min(low[s], index[t]);
          }
        }
        if (descended) {
          continue;
        }
        calls.removeLast();
        if (calls.size() > 0) {
          int parent = calls.last();
          low[parent] = Math.min(low[parent], low[s]);
        }
        if (low[s] == index[s]) {
          int id = sizes.size();
          int size = 0;
          int t;
          do {
            t = stack.removeLast();
            component[t] = id;
            size++;
          } while (t != s);
          sizes.add(size);
        }
      }
    }
    int[] componentSize = new int[sizes.size()];
    for (int i = 0; i < componentSize.length; i++) {
      componentSize[i] = sizes.get(i);
    }
    return new StrongComponents(component, componentSize);
  }

  /** Whether the types {@code dep} of the class edge at position {@code p} close a strong cycle. */
  boolean onStrongCycle(GraphIndex g, int p, int dep) {
    int u = g.edgeFrom[p];
    for (int r = 0; r < 2; r++) {
      int s = StateGraph.state(u, r);
      if (componentSize[component[s]] < 2) {
        continue;
      }
      for (int k = 2 * p; k < 2 * p + 2; k++) {
        int t = StateGraph.target(g, s, k, dep);
        if (t >= 0 && component[t] == component[s]) {
          return true;
        }
      }
    }
    return false;
  }
}
