package dev.lockdep.checker.report;

import dev.lockdep.lockgraph.LockClass;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The classes that lie on some cycle of the drawn graph: the members of its strongly connected
 * components of more than one class. Iterative Tarjan, so a deep graph cannot overflow javac's
 * stack.
 */
final class CycleClasses {
  private CycleClasses() {}

  static Set<LockClass> of(List<LockGraphView.Edge> edges) {
    Map<LockClass, Integer> index = new HashMap<>();
    List<LockClass> classes = new ArrayList<>();
    for (LockGraphView.Edge e : edges) {
      for (LockClass c : List.of(e.from(), e.to())) {
        if (index.putIfAbsent(c, classes.size()) == null) {
          classes.add(c);
        }
      }
    }
    int n = classes.size();
    List<List<Integer>> successors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      successors.add(new ArrayList<>());
    }
    for (LockGraphView.Edge e : edges) {
      successors.get(index.get(e.from())).add(index.get(e.to()));
    }
    int[] order = new int[n];
    int[] low = new int[n];
    boolean[] onStack = new boolean[n];
    int[] nextChild = new int[n];
    int[] stack = new int[n];
    int stackSize = 0;
    int[] work = new int[n];
    int counter = 0;
    Set<LockClass> result = new TreeSet<>();
    for (int root = 0; root < n; root++) {
      if (order[root] != 0) {
        continue;
      }
      int depth = 0;
      work[depth++] = root;
      order[root] = low[root] = ++counter;
      stack[stackSize++] = root;
      onStack[root] = true;
      while (depth > 0) {
        int v = work[depth - 1];
        List<Integer> succ = successors.get(v);
        if (nextChild[v] < succ.size()) {
          int w = succ.get(nextChild[v]++);
          if (order[w] == 0) {
            order[w] = low[w] = ++counter;
            stack[stackSize++] = w;
            onStack[w] = true;
            work[depth++] = w;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], order[w]);
          }
          continue;
        }
        depth--;
        if (depth > 0) {
          int parent = work[depth - 1];
          low[parent] = Math.min(low[parent], low[v]);
        }
        if (low[v] == order[v]) {
          int size = 0;
          int top = stackSize;
          int w;
          do {
            w = stack[--stackSize];
            onStack[w] = false;
            size++;
          } while (w != v);
          if (size > 1) {
            for (int i = stackSize; i < top; i++) {
              result.add(classes.get(stack[i]));
            }
          }
        }
      }
    }
    return result;
  }
}
