package dev.lockdep.checker.analysis;

import dev.lockdep.lockgraph.program.MethodSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The call sites of one body, each once, in the order first recorded. A call is recorded for
 * every path reaching it and again on each pass over a loop; hashing a call site hashes its held
 * locks and arguments through, so call sites are told apart by callee and position first, and
 * compared whole only where those agree.
 */
final class DistinctCallSites {
  private final List<MethodSummary.CallSite> inOrder = new ArrayList<>();
  /** The call sites recorded, by {@link #place}. */
  private final Map<Integer, List<MethodSummary.CallSite>> byPlace = new HashMap<>();

  /** Records {@code call} unless an equal call site is recorded already. */
  void add(MethodSummary.CallSite call) {
    Integer place = place(call);
    List<MethodSummary.CallSite> samePlace = byPlace.get(place);
    if (samePlace == null) {
      samePlace = new ArrayList<>(1);
      byPlace.put(place, samePlace);
    } else {
      for (MethodSummary.CallSite known : samePlace) {
        if (known.equals(call)) {
          return;
        }
      }
    }
    samePlace.add(call);
    inOrder.add(call);
  }

  /** The call sites recorded, in the order first recorded. */
  List<MethodSummary.CallSite> toList() {
    return new ArrayList<>(inOrder);
  }

  /** The callee and where it is called: equal call sites agree on it. */
  private static int place(MethodSummary.CallSite call) {
    return (call.callee().hashCode() * 31 + call.at().line()) * 31 + call.at().column();
  }
}
