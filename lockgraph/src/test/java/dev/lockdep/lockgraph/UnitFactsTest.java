package dev.lockdep.lockgraph;

import static dev.lockdep.lockgraph.Facts.at;
import static dev.lockdep.lockgraph.Facts.held;
import static dev.lockdep.lockgraph.Facts.tryHeld;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The per-acquisition rules: check_prevs_add, mark_usage, mark_held_locks, check_deadlock. */
class UnitFactsTest {
  private static final LockClass A = LockClass.of("A");
  private static final LockClass B = LockClass.of("B");
  private static final LockClass C = LockClass.of("C");
  private static final LockClass D = LockClass.of("D");

  private static Set<String> edges(UnitFacts u) {
    return u.dependencies().stream()
        .map(d -> d.from() + "-" + d.type() + "->" + d.to())
        .collect(Collectors.toSet());
  }

  private static Set<UsageBit> bits(UnitFacts u, LockClass c) {
    Set<UsageBit> out = EnumSet.noneOf(UsageBit.class);
    u.usages().stream().filter(f -> f.lockClass().equals(c)).forEach(f -> out.add(f.bit()));
    return out;
  }

  private static UnitFacts acquire(List<HeldLock> held, LockClass next, ReadMode mode,
      boolean trylock, IrqState irq) {
    return UnitFacts.builder("u").acquire(held, next, mode, trylock, irq, at("U.java", 9)).build();
  }

  @Test
  void edgeOnlyFromTopBlockingLock() {
    UnitFacts u = acquire(List.of(held(A), held(B)), D, ReadMode.EXCLUSIVE, false,
        IrqState.PROCESS);
    assertEquals(Set.of("B-EN->D"), edges(u));
  }

  @Test
  void edgesFromEveryTrylockAboveTheTopBlockingLock() {
    UnitFacts u = acquire(List.of(held(A), tryHeld(B), tryHeld(C)), D, ReadMode.EXCLUSIVE,
        false, IrqState.PROCESS);
    assertEquals(Set.of("C-EN->D", "B-EN->D", "A-EN->D"), edges(u));
  }

  @Test
  void trylockAddsNoEdgeNoUsedInAndNoRecursionCheck() {
    UnitFacts u = acquire(List.of(held(A)), B, ReadMode.EXCLUSIVE, true, IrqState.IN_SOFTIRQ);
    assertEquals(Set.of(), edges(u));
    assertEquals(EnumSet.of(UsageBit.ENABLED_HARDIRQ, UsageBit.USED), bits(u, B));
    UnitFacts again = acquire(List.of(held(A)), A, ReadMode.EXCLUSIVE, true, IrqState.PROCESS);
    assertEquals(List.of(), again.recursions());
  }

  @Test
  void edgeTypesFollowLockdepBits() {
    assertEquals(EdgeType.SR, EdgeType.of(ReadMode.SHARED, ReadMode.SHARED_RECURSIVE));
    assertEquals(EdgeType.ER, EdgeType.of(ReadMode.EXCLUSIVE, ReadMode.SHARED_RECURSIVE));
    assertEquals(EdgeType.SN, EdgeType.of(ReadMode.SHARED_RECURSIVE, ReadMode.SHARED));
    assertEquals(EdgeType.EN, EdgeType.of(ReadMode.EXCLUSIVE, ReadMode.EXCLUSIVE));
    assertEquals(0, EdgeType.SR.ordinal());
    assertEquals(3, EdgeType.EN.ordinal());
    assertTrue(EdgeType.ER.startsExclusive() && EdgeType.ER.endsRecursive());
    assertTrue(!EdgeType.SN.startsExclusive() && !EdgeType.SN.endsRecursive());
    UnitFacts u = acquire(List.of(held(A, ReadMode.SHARED, 1)), B, ReadMode.SHARED_RECURSIVE,
        false, IrqState.PROCESS);
    assertEquals(Set.of("A-SR->B"), edges(u));
  }

  @Test
  void usageBitsAtAcquisition() {
    assertEquals(
        EnumSet.of(UsageBit.ENABLED_HARDIRQ, UsageBit.ENABLED_SOFTIRQ, UsageBit.USED),
        bits(acquire(List.of(), A, ReadMode.EXCLUSIVE, false, IrqState.PROCESS), A));
    assertEquals(
        EnumSet.of(UsageBit.ENABLED_HARDIRQ_READ, UsageBit.USED_READ),
        bits(acquire(List.of(), A, ReadMode.SHARED, false,
            IrqState.PROCESS.withSoftirqsEnabled(false)), A));
    // softirq-unsafe implies hardirq-unsafe: softirqs on with hardirqs off marks nothing
    assertEquals(
        EnumSet.of(UsageBit.USED),
        bits(acquire(List.of(), A, ReadMode.EXCLUSIVE, false,
            IrqState.PROCESS.withHardirqsEnabled(false)), A));
    assertEquals(
        EnumSet.of(UsageBit.USED_IN_HARDIRQ_READ, UsageBit.USED_READ),
        bits(acquire(List.of(), A, ReadMode.SHARED_RECURSIVE, false, IrqState.IN_HARDIRQ), A));
    assertEquals(
        EnumSet.of(UsageBit.USED_IN_SOFTIRQ, UsageBit.ENABLED_HARDIRQ, UsageBit.USED),
        bits(acquire(List.of(), A, ReadMode.EXCLUSIVE, false, IrqState.IN_SOFTIRQ), A));
  }

  @Test
  void irqEnableMarksHeldLocks() {
    UnitFacts u = UnitFacts.builder("u")
        .irqsEnabled(List.of(held(A), held(B, ReadMode.SHARED, 2)), IrqState.PROCESS,
            at("U.java", 3))
        .irqsEnabled(List.of(held(C)), IrqState.PROCESS.withSoftirqsEnabled(false),
            at("U.java", 4))
        .irqsEnabled(List.of(held(D)), IrqState.PROCESS.withHardirqsEnabled(false),
            at("U.java", 5))
        .build();
    assertEquals(EnumSet.of(UsageBit.ENABLED_HARDIRQ, UsageBit.ENABLED_SOFTIRQ), bits(u, A));
    assertEquals(EnumSet.of(UsageBit.ENABLED_HARDIRQ_READ, UsageBit.ENABLED_SOFTIRQ_READ),
        bits(u, B));
    assertEquals(EnumSet.of(UsageBit.ENABLED_HARDIRQ), bits(u, C));
    assertEquals(EnumSet.noneOf(UsageBit.class), bits(u, D));
  }

  @Test
  void sameClassIsRecursiveUnlessRecursiveReadAfterRead() {
    assertEquals(RecursionFact.Kind.SAME_CLASS,
        acquire(List.of(held(A)), A, ReadMode.EXCLUSIVE, false, IrqState.PROCESS)
            .recursions().get(0).kind());
    assertEquals(List.of(),
        acquire(List.of(held(A, ReadMode.SHARED, 1)), A, ReadMode.SHARED_RECURSIVE, false,
            IrqState.PROCESS).recursions());
    assertEquals(1,
        acquire(List.of(held(A)), A, ReadMode.SHARED_RECURSIVE, false, IrqState.PROCESS)
            .recursions().size());
    // another subclass is another class: an ordinary dependency
    UnitFacts nested = acquire(List.of(held(A)), A.withSubclass(1), ReadMode.EXCLUSIVE, false,
        IrqState.PROCESS);
    assertEquals(List.of(), nested.recursions());
    assertEquals(Set.of("A-EN->A/1"), edges(nested));
  }

  @Test
  void sameInstanceRulesOfJavaLocks() {
    HeldLock mon = new HeldLock(A, ReadMode.EXCLUSIVE, false, "this.lock", at("H.java", 1));
    UnitFacts reentered = UnitFacts.builder("u")
        .acquire(List.of(held(B), mon),
            new HeldLock(A, ReadMode.EXCLUSIVE, false, "this.lock", at("H.java", 2)),
            IrqState.PROCESS)
        .build();
    assertEquals(List.of(), reentered.recursions());
    assertEquals(Set.of(), edges(reentered), "a re-entry never waits, so it depends on nothing");

    // A child's monitor, then its parent's, then the parent's again: the re-entry is of the
    // parent, though the child's lock of the class is held below it.
    HeldLock child = new HeldLock(A, ReadMode.EXCLUSIVE, false, "this", at("H.java", 1));
    HeldLock parent = new HeldLock(A, ReadMode.EXCLUSIVE, false, "this.parent", at("H.java", 2));
    UnitFacts parentAgain = UnitFacts.builder("u")
        .acquire(List.of(child, parent),
            new HeldLock(A, ReadMode.EXCLUSIVE, false, "this.parent", at("H.java", 3)),
            IrqState.PROCESS)
        .build();
    assertEquals(List.of(), parentAgain.recursions());
    assertEquals(Set.of(), edges(parentAgain));

    LockClass stamped = LockClass.of("S").nonReentrant();
    UnitFacts self = UnitFacts.builder("u")
        .acquire(List.of(new HeldLock(stamped, ReadMode.EXCLUSIVE, false, "s", at("H.java", 1))),
            new HeldLock(stamped, ReadMode.EXCLUSIVE, false, "s", at("H.java", 2)),
            IrqState.PROCESS)
        .build();
    assertEquals(RecursionFact.Kind.SAME_INSTANCE, self.recursions().get(0).kind());

    LockClass rw = LockClass.of("RW");
    HeldLock read = new HeldLock(rw, ReadMode.SHARED, false, "rw", at("H.java", 1));
    UnitFacts upgrade = UnitFacts.builder("u")
        .acquire(List.of(read), new HeldLock(rw, ReadMode.EXCLUSIVE, false, "rw", at("H.java", 2)),
            IrqState.PROCESS)
        .build();
    assertEquals(RecursionFact.Kind.READ_TO_WRITE, upgrade.recursions().get(0).kind());

    HeldLock write = new HeldLock(rw, ReadMode.EXCLUSIVE, false, "rw", at("H.java", 1));
    UnitFacts downgrade = UnitFacts.builder("u")
        .acquire(List.of(write), new HeldLock(rw, ReadMode.SHARED, false, "rw", at("H.java", 2)),
            IrqState.PROCESS)
        .build();
    assertEquals(List.of(), downgrade.recursions());
    assertTrue(LockGraph.of(downgrade).check().isEmpty());
  }

  /**
   * Which acquisitions leave a held stack as it was: a reentrant lock of an object the stack holds,
   * in a mode its hold covers. A non-reentrant lock, a reader asking to write, another object of
   * the class and an object of no known name are held anew.
   */
  @Test
  void reentryOfAHeldLockLeavesTheStackAsItWas() {
    HeldLock monitor = new HeldLock(A, ReadMode.EXCLUSIVE, false, "this", at("H.java", 1));
    List<HeldLock> held = List.of(monitor, new HeldLock(B, ReadMode.EXCLUSIVE, false, "this.b", at("H.java", 2)));
    assertTrue(HeldLock.reentry(held, new HeldLock(A, ReadMode.EXCLUSIVE, false, "this", at("H.java", 3))));
    assertEquals(false, HeldLock.reentry(held, new HeldLock(A, ReadMode.EXCLUSIVE, false, "other", at("H.java", 3))));
    assertEquals(false, HeldLock.reentry(held, new HeldLock(A, ReadMode.EXCLUSIVE, false, null, at("H.java", 3))));

    LockClass stamped = LockClass.of("S").nonReentrant();
    HeldLock stamp = new HeldLock(stamped, ReadMode.EXCLUSIVE, false, "s", at("H.java", 1));
    assertEquals(false, HeldLock.reentry(List.of(stamp), new HeldLock(stamped, ReadMode.EXCLUSIVE, false, "s", at("H.java", 2))));

    LockClass rw = LockClass.of("RW");
    HeldLock read = new HeldLock(rw, ReadMode.SHARED, false, "rw", at("H.java", 1));
    HeldLock write = new HeldLock(rw, ReadMode.EXCLUSIVE, false, "rw", at("H.java", 1));
    assertEquals(false, HeldLock.reentry(List.of(read), write));
    assertTrue(HeldLock.reentry(List.of(write), read));
    assertTrue(HeldLock.reentry(List.of(read), read));
  }

  @Test
  void leastProvenanceKeptWhateverTheOrder() {
    UnitFacts.Builder one = UnitFacts.builder("u");
    UnitFacts.Builder two = UnitFacts.builder("u");
    for (int line : new int[] {7, 3, 5}) {
      one.acquire(List.of(held(A)), B, ReadMode.EXCLUSIVE, false, IrqState.PROCESS,
          at("U.java", line));
    }
    for (int line : new int[] {5, 7, 3}) {
      two.acquire(List.of(held(A)), B, ReadMode.EXCLUSIVE, false, IrqState.PROCESS,
          at("U.java", line));
    }
    assertEquals(one.build(), two.build());
    assertEquals(3, one.build().dependencies().get(0).at().line());
  }

  /**
   * Facts of one dependency keep the least provenance and the classes every one of them says
   * have finished initializing, whatever the order they come in.
   */
  @Test
  void factsOfOneDependencyKeepTheClassesAllOfThemSayAreInitialized() {
    LockClass k = LockClass.of("K" + LockClass.INITIALIZATION);
    LockClass l = LockClass.of("L" + LockClass.INITIALIZATION);
    List<Set<LockClass>> said = List.of(Set.of(k, l), Set.of(k), Set.of(k, l));
    UnitFacts.Builder one = UnitFacts.builder("u");
    UnitFacts.Builder two = UnitFacts.builder("u");
    for (int i = 0; i < said.size(); i++) {
      one.acquire(List.of(held(A)), new HeldLock(B, ReadMode.EXCLUSIVE, false, null, at("U.java", 3 + i)),
          IrqState.PROCESS, said.get(i));
      int j = said.size() - 1 - i;
      two.acquire(List.of(held(A)), new HeldLock(B, ReadMode.EXCLUSIVE, false, null, at("U.java", 3 + j)),
          IrqState.PROCESS, said.get(j));
    }
    assertEquals(one.build(), two.build());
    assertEquals(Set.of(k), one.build().dependencies().get(0).initialized());
    assertEquals(3, one.build().dependencies().get(0).at().line());
    one.acquire(List.of(held(A)), B, ReadMode.EXCLUSIVE, false, IrqState.PROCESS, at("U.java", 9));
    assertEquals(Set.of(), one.build().dependencies().get(0).initialized());
  }

  @Test
  void lockClassIdentityAndDisplay() {
    assertEquals(LockClass.of("K"), new LockClass("K", 0, "other", false, PseudoLock.NONE));
    assertEquals("K/2", LockClass.of("K", 2).displayName());
    assertEquals("K", LockClass.of("K").displayName());
    assertThrows(IllegalArgumentException.class, () -> LockClass.of("K", 8));
    assertThrows(IllegalArgumentException.class, () -> LockClass.of("K", -1));
    assertEquals("fs_reclaim", LockClass.FS_RECLAIM.displayName());
    assertEquals(PseudoLock.DMA_FENCE_MAP, LockClass.DMA_FENCE_MAP.pseudo());
  }

  @Test
  void provenanceOrderAndText() {
    Provenance p = new Provenance("src/main/java/a/Pool.java", 42, 7, "Pool.evict()",
        List.of("Main.run()"));
    assertEquals("Pool.java:42 in Pool.evict()", p.toString());
    assertTrue(p.compareTo(p.withCallChain(List.of("Main.run()", "x"))) < 0);
    assertTrue(p.compareTo(new Provenance(p.file(), 43, 0, "", List.of())) < 0);
    assertThrows(IllegalArgumentException.class,
        () -> new Provenance("f", -1, 0, "m", List.of()));
  }
}
