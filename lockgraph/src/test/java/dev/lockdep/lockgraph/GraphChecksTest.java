package dev.lockdep.lockgraph;

import static dev.lockdep.lockgraph.Facts.at;
import static dev.lockdep.lockgraph.Facts.held;
import static dev.lockdep.lockgraph.Facts.kinds;
import static dev.lockdep.lockgraph.Facts.orders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockdep.lockgraph.ScenarioRow.Column;
import dev.lockdep.lockgraph.Task.Gfp;
import dev.lockdep.lockgraph.Task.Lock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The whole-graph checks beyond the selftest matrix. */
class GraphChecksTest {
  private static final LockClass A = LockClass.of("A");
  private static final LockClass B = LockClass.of("B");
  private static final LockClass C = LockClass.of("C");

  private static UnitFacts edge(String unit, int line, LockClass from, ReadMode fromMode,
      LockClass to, ReadMode toMode) {
    return UnitFacts.builder(unit)
        .acquire(List.of(held(from, fromMode, line)), to, toMode, false,
            IrqState.PROCESS.withHardirqsEnabled(false), at(unit, line))
        .build();
  }

  @Test
  void emptyGraphsHaveNoFindings() {
    assertEquals(List.of(), LockGraph.merge(List.of()).check());
    assertEquals(List.of(), LockGraph.merge(List.of()).check(
        CheckOptions.defaults().withPrimeFenceReclaim(false)));
    assertEquals(List.of(), LockGraph.of(UnitFacts.builder("Empty.java").build()).check());
  }

  @Test
  void abbaScenarioRowsInLockdepOrder() {
    List<Finding> f = LockGraph.of(orders("U.java", A, B, B, A)).check();
    assertEquals(1, f.size());
    Finding x = f.get(0);
    assertEquals("possible circular locking dependency detected", x.title());
    // closing dependency: the greatest provenance, B -> A at line 3
    assertEquals(3, x.position().line());
    assertEquals(List.of(
        new ScenarioRow(Column.CPU0, "acquire B;"),
        new ScenarioRow(Column.CPU1, "acquire A;"),
        new ScenarioRow(Column.CPU1, "acquire B;"),
        new ScenarioRow(Column.CPU0, "acquire A;")), x.scenario());
    assertEquals(2, x.chain().size());
    assertEquals(B, x.chain().get(1).dependency().from());
    assertEquals(List.of("U.java"), x.units());
    assertTrue(x.render().contains("*** DEADLOCK ***"));
    assertTrue(x.render().contains("       Thread 1                Thread 2\n"), "threads, not CPUs: " + x.render());
  }

  @Test
  void longerCycleSaysChainExists() {
    Finding x = LockGraph.of(orders("U.java", A, B, B, C, C, A)).check().get(0);
    assertTrue(x.notes().contains("Chain exists of:\n  A --> B --> C"), () -> x.notes().toString());
    assertEquals("acquire B;", x.scenario().get(1).text());
  }

  @Test
  void readerRowsSayForReading() {
    LockGraph g = LockGraph.merge(List.of(
        edge("U.java", 1, A, ReadMode.SHARED, B, ReadMode.EXCLUSIVE),
        edge("V.java", 2, B, ReadMode.EXCLUSIVE, A, ReadMode.SHARED)));
    Finding x = g.check().get(0);
    assertEquals("acquire A for reading;", x.scenario().get(3).text());
    assertEquals(List.of("U.java", "V.java"), x.units());
  }

  /**
   * lockdep's per-class visited mark first reaches M through an *R edge, prunes its S* edge and
   * never looks at the strong path N -> X -> M -> P; the (class, r) search does.
   */
  @Test
  void exactStrongPathSearchFindsWhatPerClassVisitedMisses() {
    LockClass n = LockClass.of("N");
    LockClass m = LockClass.of("M");
    LockClass x = LockClass.of("X");
    LockClass p = LockClass.of("P");
    LockGraph g = LockGraph.merge(List.of(
        edge("a", 1, n, ReadMode.SHARED, m, ReadMode.SHARED_RECURSIVE),
        edge("b", 2, n, ReadMode.EXCLUSIVE, x, ReadMode.EXCLUSIVE),
        edge("c", 3, x, ReadMode.EXCLUSIVE, m, ReadMode.EXCLUSIVE),
        edge("d", 4, m, ReadMode.SHARED, p, ReadMode.EXCLUSIVE),
        edge("e", 5, p, ReadMode.EXCLUSIVE, n, ReadMode.EXCLUSIVE)));
    List<Finding> f = g.check();
    assertEquals(List.of(CheckKind.LockOrderInversion), kinds(f));
    assertEquals("acquiring N while holding P closes the cycle N -> X -> M -> P -> N",
        f.get(0).summary());
  }

  @Test
  void notStrongIsNotReported() {
    // A -SR-> B -SN-> A: the R-ending step is followed by an S-starting one
    LockGraph g = LockGraph.merge(List.of(
        edge("a", 1, A, ReadMode.SHARED, B, ReadMode.SHARED_RECURSIVE),
        edge("b", 2, B, ReadMode.SHARED, A, ReadMode.SHARED)));
    assertEquals(List.of(), g.check());
  }

  @Test
  void everyDistinctCycleOnceAndNoneHidden() {
    List<LockClass> k = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      k.add(LockClass.of("K" + i));
    }
    List<UnitFacts> units = new ArrayList<>();
    int line = 0;
    for (LockClass from : k) {
      for (LockClass to : k) {
        if (!from.equals(to)) {
          units.add(orders("U" + line + ".java", from, to));
          line++;
        }
      }
    }
    LockGraph g = LockGraph.merge(units);
    List<Finding> all = g.check(CheckOptions.defaults().withCycleCap(1000));
    List<Finding> capped = g.check(CheckOptions.defaults().withCycleCap(3));
    assertEquals(3, capped.size());
    assertTrue(all.size() > 3);
    Set<String> summaries = new java.util.HashSet<>();
    all.forEach(x -> assertTrue(summaries.add(x.summary()), "reported twice: " + x.summary()));
    List<String> notes = capped.stream()
        .flatMap(x -> x.notes().stream())
        .filter(n -> n.contains("further cycles among these locks"))
        .toList();
    assertEquals(1, notes.size());
    // Every cycle past the cap is listed, by its locks and where it closes, in the last full report.
    Set<String> reported = new java.util.TreeSet<>();
    for (Finding shown : capped) {
      reported.add(cycle(shown) + ", closed at " + shown.position());
    }
    notes.get(0).lines().skip(1).forEach(l -> assertTrue(reported.add(l.substring(l.indexOf(". ") + 2)), l));
    Set<String> every = new java.util.TreeSet<>();
    for (Finding shown : all) {
      every.add(cycle(shown) + ", closed at " + shown.position());
    }
    assertEquals(every, reported);
    // two disjoint cycles are two groups, each reported
    LockGraph two = LockGraph.of(orders("U.java", A, B, B, A),
        orders("V.java", C, LockClass.of("D"), LockClass.of("D"), C));
    assertEquals(2, two.check(CheckOptions.defaults().withCycleCap(1)).size());
  }

  /**
   * Past the listing budget a group still lists a cycle through every dependency no listed cycle
   * contains, and says from which line on: a chain of locks taken both ways between neighbours is
   * one group of two-lock cycles, each listed with or without the budget.
   */
  @Test
  void pastTheListingBudgetEveryDependencyIsStillOnAListedCycle() {
    List<UnitFacts> units = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      LockClass a = LockClass.of("N" + i);
      LockClass b = LockClass.of("N" + (i + 1));
      units.add(orders("U" + i + ".java", a, b, b, a));
    }
    LockGraph g = LockGraph.merge(units);
    List<String> full = listed(g.check(CheckOptions.defaults()));
    List<String> budgeted = listed(g.check(CheckOptions.defaults().withListingBudget(10)));
    assertEquals(40 - CheckOptions.DEFAULT_CYCLE_CAP, full.size() - 1, full.get(0));
    assertTrue(!full.get(0).contains("search steps"), full.get(0));
    assertTrue(budgeted.get(0).contains(" on, past 10 search steps, one through each dependency"), budgeted.get(0));
    assertEquals(full.subList(1, full.size()), budgeted.subList(1, budgeted.size()));
  }

  /** The lines of the one note listing further cycles. */
  private static List<String> listed(List<Finding> findings) {
    List<String> notes = findings.stream()
        .flatMap(f -> f.notes().stream())
        .filter(n -> n.contains("further cycles among these locks"))
        .toList();
    assertEquals(1, notes.size(), notes::toString);
    return notes.get(0).lines().toList();
  }

  private static String cycle(Finding finding) {
    return finding.summary().substring(finding.summary().indexOf("closes the cycle ") + "closes the cycle ".length());
  }

  @Test
  void onlyFindingsWithCurrentFactsAreReported() {
    LockGraph g = LockGraph.of(orders("Old.java", A, B), orders("New.java", B, A));
    List<Finding> current = g.check(CheckOptions.defaults().withCurrentUnits(Set.of("New.java")));
    assertEquals(1, current.size());
    assertEquals("New.java", current.get(0).position().file());
    List<Finding> old = g.check(CheckOptions.defaults().withCurrentUnits(Set.of("Old.java")));
    assertEquals("Old.java", old.get(0).position().file());
    assertEquals(List.of(),
        g.check(CheckOptions.defaults().withCurrentUnits(Set.of("Other.java"))));
    assertEquals(2, g.check().get(0).units().size());
  }

  @Test
  void reclaimCycleSaysSo() {
    Lock pool = new Lock(LockClass.of("Pool.lock"), "pool", ReadMode.EXCLUSIVE);
    Task t = new Task("Pool.java", "Pool.allocate()");
    t.lock(pool);
    t.mightAlloc(Gfp.KERNEL);
    t.unlock(pool);
    t.fsReclaimAcquire(Gfp.KERNEL);
    t.lock(pool);
    t.unlock(pool);
    t.fsReclaimRelease(Gfp.KERNEL);
    Finding f = LockGraph.of(t.facts()).check().get(0);
    assertTrue(f.summary().startsWith("allocation under a reclaim-tainted lock: "), f.summary());
    assertTrue(f.hint().contains("@GfpFlags(NOFS)"));
  }

  @Test
  void allocationInSignallingSectionNeedsThePrime() {
    Task t = new Task("Fence.java", "Job.run()");
    t.fenceBeginSignalling();
    t.mightAlloc(Gfp.KERNEL);
    t.fenceEndSignalling();
    LockGraph g = LockGraph.of(t.facts());
    List<Finding> primed = g.check();
    assertEquals(List.of(CheckKind.LockOrderInversion), kinds(primed));
    assertTrue(primed.get(0).summary().startsWith("fence wait or reclaim in a signalling section"));
    assertEquals(List.of("Fence.java"), primed.get(0).units());
    assertEquals(List.of(), g.check(CheckOptions.defaults().withPrimeFenceReclaim(false)));
  }

  @Test
  void fenceWaitUnderLockTakenInSignallingSection() {
    Lock l = new Lock(LockClass.of("Q.lock"), "q", ReadMode.EXCLUSIVE);
    Task t = new Task("Q.java", "Q.m()");
    t.lock(l);
    t.fenceMightWait();
    t.unlock(l);
    t.fenceBeginSignalling();
    t.lock(l);
    t.unlock(l);
    t.fenceEndSignalling();
    List<Finding> f = LockGraph.of(t.facts()).check(
        CheckOptions.defaults().withPrimeFenceReclaim(false));
    assertEquals(List.of(CheckKind.LockOrderInversion), kinds(f));
    assertTrue(f.get(0).summary().startsWith("fence wait or reclaim in a signalling section"));
  }

  @Test
  void deepGraphsNeedNoDeepStack() {
    int n = 100_000;
    UnitFacts.Builder b = UnitFacts.builder("Deep.java");
    LockClass prev = LockClass.of("L0");
    for (int i = 1; i <= n; i++) {
      LockClass next = LockClass.of("L" + (i % n));
      b.acquire(List.of(held(prev)), next, ReadMode.EXCLUSIVE, false, IrqState.PROCESS,
          at("Deep.java", i));
      prev = next;
    }
    List<Finding> f = LockGraph.of(b.build()).check();
    assertEquals(1, f.size());
    assertEquals(n, f.get(0).chain().size());
  }

  @Test
  void irqPairsReportedOncePerSafeUnsafeAndStateNearestFirst() {
    // A is hardirq- and softirq-safe and reaches B and C, both irq-unsafe, directly; D only
    // through B, so (A, D) is B's consequence and not a problem of its own
    LockClass d = LockClass.of("D");
    UnitFacts u = UnitFacts.builder("I.java")
        .acquire(List.of(held(A)), C, ReadMode.EXCLUSIVE, false,
            IrqState.PROCESS.withHardirqsEnabled(false), at("I.java", 7))
        .acquire(List.of(held(B)), d, ReadMode.EXCLUSIVE, false, IrqState.PROCESS,
            at("I.java", 8))
        .acquire(List.of(), A, ReadMode.EXCLUSIVE, false, IrqState.IN_HARDIRQ, at("I.java", 1))
        .acquire(List.of(), A, ReadMode.EXCLUSIVE, false,
            new IrqState(IrqState.Context.SOFTIRQ, false, false), at("I.java", 2))
        .acquire(List.of(held(A)), B, ReadMode.EXCLUSIVE, false,
            IrqState.PROCESS.withHardirqsEnabled(false), at("I.java", 3))
        .acquire(List.of(held(B)), C, ReadMode.EXCLUSIVE, false,
            IrqState.PROCESS.withHardirqsEnabled(false), at("I.java", 4))
        .acquire(List.of(), B, ReadMode.EXCLUSIVE, false, IrqState.PROCESS, at("I.java", 5))
        .acquire(List.of(), C, ReadMode.EXCLUSIVE, false, IrqState.PROCESS, at("I.java", 6))
        .build();
    List<Finding> f = LockGraph.of(u).check();
    List<String> titles = new ArrayList<>();
    for (Finding x : f) {
      titles.add(x.locks() + " " + x.title());
    }
    titles.sort(null);
    assertEquals(List.of(
        "[A, B] HARDIRQ-safe -> HARDIRQ-unsafe lock order detected",
        "[A, B] SOFTIRQ-safe -> SOFTIRQ-unsafe lock order detected",
        "[A, C] HARDIRQ-safe -> HARDIRQ-unsafe lock order detected",
        "[A, C] SOFTIRQ-safe -> SOFTIRQ-unsafe lock order detected"), titles);
  }

  @Test
  void readSafeTitleSaysRead() {
    // B read-taken in hardirq, B -EN-> A (wlock B), A write-taken with irqs on
    UnitFacts u = UnitFacts.builder("R.java")
        .acquire(List.of(), B, ReadMode.SHARED_RECURSIVE, false, IrqState.IN_HARDIRQ,
            at("R.java", 1))
        .acquire(List.of(held(B)), A, ReadMode.EXCLUSIVE, false,
            IrqState.PROCESS.withHardirqsEnabled(false), at("R.java", 2))
        .acquire(List.of(), A, ReadMode.EXCLUSIVE, false, IrqState.PROCESS, at("R.java", 3))
        .build();
    Finding f = LockGraph.of(u).check().get(0);
    assertEquals("HARDIRQ-READ-safe -> HARDIRQ-READ-unsafe lock order detected", f.title());
    assertEquals(UsageBit.USED_IN_HARDIRQ_READ, f.usages().get(0).usage().bit());
  }

  @Test
  void inconsistentStateTitleOldToNew() {
    UnitFacts u = UnitFacts.builder("S.java")
        .acquire(List.of(), A, ReadMode.EXCLUSIVE, false, IrqState.IN_HARDIRQ, at("S.java", 1))
        .acquire(List.of(), A, ReadMode.EXCLUSIVE, false, IrqState.PROCESS, at("S.java", 2))
        .build();
    Finding f = LockGraph.of(u).check().get(0);
    assertEquals("inconsistent {IN-HARDIRQ-W} -> {HARDIRQ-ON-W} usage.", f.title());
    assertEquals(2, f.position().line());
    assertEquals(List.of(
        new ScenarioRow(Column.CPU0, "acquire A;"),
        new ScenarioRow(Column.CPU0, "<Interrupt: an @IrqContext handler runs>"),
        new ScenarioRow(Column.CPU0, "  acquire A;")), f.scenario());
    assertTrue(f.headline().startsWith(
        "[InconsistentLockState] inconsistent {IN-HARDIRQ-W} -> {HARDIRQ-ON-W} usage: "));
  }

  @Test
  void aReentryProvenToBeTheSameObjectIsReportedAsSuchThoughAnotherCallerMayPassAnother() {
    LockClass permit = LockClass.of("Gate.permit").nonReentrant();
    Provenance again = at("Gate.java", 6);
    UnitFacts u = UnitFacts.builder("Gate.java")
        // from one caller, another Gate's permit may be held; from another, this very one
        .acquire(List.of(new HeldLock(permit, ReadMode.EXCLUSIVE, false, "other", at("Gate.java", 4))),
            new HeldLock(permit, ReadMode.EXCLUSIVE, false, "this.permit", again), IrqState.PROCESS)
        .acquire(List.of(new HeldLock(permit, ReadMode.EXCLUSIVE, false, "this.permit", at("Gate.java", 5))),
            new HeldLock(permit, ReadMode.EXCLUSIVE, false, "this.permit", again), IrqState.PROCESS)
        .build();
    List<Finding> f = LockGraph.of(u).check();
    assertEquals(List.of(CheckKind.RecursiveLocking), kinds(f));
    assertTrue(f.get(0).summary().contains("which is not reentrant, while holding it"), f.get(0).summary());
    assertTrue(f.get(0).hint().contains("the same Gate.permit object"), f.get(0).hint());
  }

  /** The pseudo-locks' rows say what Java code does: allocate, wait for a future, complete one. */
  @Test
  void pseudoLockRowsSayTheAllocationOrWaitTheyStandFor() {
    assertEquals("allocate, which may enter reclaim (fs_reclaim);", ScenarioRow.acquire(LockClass.FS_RECLAIM));
    assertEquals("wait for a future or fence (dma_fence_map);", ScenarioRow.acquire(LockClass.DMA_FENCE_MAP));
    assertEquals(
        "run code that completes a future or fence (dma_fence_map);",
        ScenarioRow.acquire(ReadMode.SHARED, LockClass.DMA_FENCE_MAP));
  }
  /** {@code to} acquired holding {@code from}, where the classes of {@code initialized} have finished initializing. */
  private static UnitFacts afterInitialization(
      String unit, int line, LockClass from, LockClass to, LockClass... initialized) {
    return UnitFacts.builder(unit)
        .acquire(
            List.of(held(from)), new HeldLock(to, ReadMode.EXCLUSIVE, false, null, at(unit, line)),
            IrqState.PROCESS, Set.of(initialized))
        .build();
  }

  /**
   * Config's static initializer takes Config's monitor; Config's synchronized code, which runs
   * only once Config is initialized, initializes Registry; Registry's static initializer waits for
   * Config's initialization. The cycle needs Config initialized and being initialized at once: no
   * deadlock. The same dependency made once where Config may not be initialized closes it.
   */
  @Test
  void aCycleThroughAFinishedClassInitializationIsNoDeadlock() {
    LockClass configInit = LockClass.of("p.Config" + LockClass.INITIALIZATION);
    LockClass config = LockClass.of("p.Config");
    LockClass registryInit = LockClass.of("p.Registry" + LockClass.INITIALIZATION);
    List<UnitFacts> units = new ArrayList<>(List.of(
        afterInitialization("Config.java", 1, configInit, config),
        afterInitialization("Config.java", 2, config, registryInit, configInit),
        afterInitialization("Registry.java", 3, registryInit, configInit)));
    assertEquals(List.of(), LockGraph.merge(units).check());
    units.add(afterInitialization("App.java", 4, config, registryInit));
    List<Finding> found = LockGraph.merge(units).check();
    assertEquals(List.of(CheckKind.LockOrderInversion), kinds(found));
    assertTrue(found.get(0).summary().contains("Config.<clinit>"), found.get(0)::summary);
  }

  /**
   * A dependency made after a class finished initializing still closes the cycles that avoid that
   * class's initialization; the cycle through it is neither reported nor listed.
   */
  @Test
  void aDependencyMadeAfterAClassInitializationClosesTheCyclesThatAvoidIt() {
    LockClass configInit = LockClass.of("p.Config" + LockClass.INITIALIZATION);
    LockClass config = LockClass.of("p.Config");
    LockClass registryInit = LockClass.of("p.Registry" + LockClass.INITIALIZATION);
    List<Finding> found = LockGraph.merge(List.of(
        afterInitialization("Config.java", 1, configInit, config),
        afterInitialization("Config.java", 2, config, registryInit, configInit),
        afterInitialization("Registry.java", 3, registryInit, configInit),
        afterInitialization("Registry.java", 4, registryInit, config))).check();
    assertEquals(List.of(CheckKind.LockOrderInversion), kinds(found));
    Finding cycle = found.get(0);
    assertTrue(cycle.summary().endsWith("closes the cycle p.Config -> p.Registry.<clinit> -> p.Config"), cycle::summary);
    assertTrue(cycle.notes().stream().noneMatch(n -> n.contains("Config.<clinit>")), () -> cycle.notes().toString());
  }
}
