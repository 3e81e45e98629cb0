package dev.lockdep.lockgraph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit's dependencies and usage bits as arrays over a table of the unit's classes. Merging
 * reads these instead of the fact objects: one class lookup per class of a unit rather than per
 * fact, and sequential arrays rather than scattered objects. Fact objects are touched only for the
 * few facts a merged graph keeps for its reports.
 */
final class FactColumns {
  static final LockClass[] NONE = {};

  /** The unit's classes, in order of first appearance in its (sorted) facts. */
  final LockClass[] classes;
  /** Per dependency: table indexes of its classes and its edge type ordinal. */
  final int[] depFrom;
  final int[] depTo;
  final byte[] depType;
  /** Per dependency, its {@link DependencyEdge#initialized} classes; null when no dependency has any. */
  final LockClass[][] depInitialized;
  /**
   * Usage facts come sorted by class; run r is one class: its table index, the OR of its bits,
   * and its facts at usages[runStart[r]..runStart[r + 1]-1].
   */
  final int[] runClass;
  final int[] runMask;
  final int[] runStart;
  /** Per usage fact: its bit ordinal. */
  final byte[] usageBit;

  FactColumns(List<DependencyEdge> dependencies, List<UsageFact> usages) {
    Map<LockClass, Integer> index = new HashMap<>();
    List<LockClass> table = new ArrayList<>();
    int n = dependencies.size();
    depFrom = new int[n];
    depTo = new int[n];
    depType = new byte[n];
    LockClass[][] initialized = null;
    for (int i = 0; i < n; i++) {
      DependencyEdge d = dependencies.get(i);
      depFrom[i] = indexOf(d.from(), index, table);
      depTo[i] = indexOf(d.to(), index, table);
      depType[i] = (byte) d.type().ordinal();
      if (!d.initialized().isEmpty()) {
        if (initialized == null) {
          initialized = new LockClass[n][];
          Arrays.fill(initialized, NONE);
        }
        // Sorted: the cycle search takes the first class of an edge that is on a cycle.
        initialized[i] = d.initialized().toArray(NONE);
        Arrays.sort(initialized[i]);
      }
    }
    depInitialized = initialized;
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < usages.size(); i++) {
      if (i == 0 || !usages.get(i).lockClass().equals(usages.get(i - 1).lockClass())) {
        starts.add(i);
      }
    }
    int runs = starts.size();
    runClass = new int[runs];
    runMask = new int[runs];
    runStart = new int[runs + 1];
    for (int r = 0; r < runs; r++) {
      runStart[r] = starts.get(r);
      runStart[r + 1] = r + 1 < runs ? starts.get(r + 1) : usages.size();
      runClass[r] = indexOf(usages.get(runStart[r]).lockClass(), index, table);
      for (int i = runStart[r]; i < runStart[r + 1]; i++) {
        runMask[r] |= usages.get(i).bit().mask();
      }
    }
    usageBit = new byte[usages.size()];
    for (int i = 0; i < usageBit.length; i++) {
      usageBit[i] = (byte) usages.get(i).bit().ordinal();
    }
    classes = table.toArray(new LockClass[0]);
  }

  private static int indexOf(LockClass c, Map<LockClass, Integer> index, List<LockClass> table) {
    Integer i = index.get(c);
    if (i == null) {
      i = table.size();
      index.put(c, i);
      table.add(c);
    }
    return i;
  }
}
