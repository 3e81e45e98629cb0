package dev.lockdep.checker.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockdep.lockgraph.Provenance;
import dev.lockdep.lockgraph.program.Gfp;
import dev.lockdep.lockgraph.program.MethodSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link DistinctCallSites} keeps what a set in insertion order would keep, in that order. */
class DistinctCallSitesTest {
  private static MethodSummary.CallSite call(String callee, int line, int column, String receiver) {
    return new MethodSummary.CallSite(
        callee, List.of(), new Provenance("p/A.java", line, column, "A.m()", List.of()), receiver, "p.A", false, true,
        List.of(), false, false, Gfp.KERNEL, false, List.of(), List.of(), List.of());
  }

  @Test
  void equalCallSitesAreKeptOnceInTheOrderFirstRecorded() {
    DistinctCallSites calls = new DistinctCallSites();
    MethodSummary.CallSite first = call("p.A#f()", 3, 5, "this");
    MethodSummary.CallSite otherReceiver = call("p.A#f()", 3, 5, "local:a");
    MethodSummary.CallSite elsewhere = call("p.A#g()", 4, 5, null);
    calls.add(first);
    calls.add(otherReceiver);
    calls.add(call("p.A#f()", 3, 5, "this"));
    calls.add(elsewhere);
    calls.add(call("p.A#f()", 3, 5, "local:a"));
    assertEquals(List.of(first, otherReceiver, elsewhere), calls.toList());
  }

  @Test
  void callSitesWhosePlacesCollideAreToldApart() {
    // "Aa" and "BB" hash alike, so both calls have the same place.
    DistinctCallSites calls = new DistinctCallSites();
    MethodSummary.CallSite aa = call("Aa", 1, 1, null);
    MethodSummary.CallSite bb = call("BB", 1, 1, null);
    calls.add(aa);
    calls.add(bb);
    calls.add(call("Aa", 1, 1, null));
    assertEquals(List.of(aa, bb), calls.toList());
  }
}
