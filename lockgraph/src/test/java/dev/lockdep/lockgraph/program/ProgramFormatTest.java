package dev.lockdep.lockgraph.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockdep.lockgraph.FactsFormat;
import dev.lockdep.lockgraph.FactsFormatException;
import dev.lockdep.lockgraph.HeldLock;
import dev.lockdep.lockgraph.IrqKind;
import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.Provenance;
import dev.lockdep.lockgraph.PseudoLock;
import dev.lockdep.lockgraph.ReadMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Summaries files: round trip, byte-identical output, and every corruption refused cleanly. */
class ProgramFormatTest {
  static final LockClass POOL = LockClass.of("p.Pool.lock").withName("Pool.lock");
  static final LockClass CONNECTION = LockClass.of("p.Connection.lock").withName("Connection.lock");
  /** The monitor of a pool, whose runtime type composition decides. */
  static final LockClass MONITOR = new LockClass("p.Pool", 0, "Pool", true, PseudoLock.NONE, true);

  static ProgramUnit pool() {
    Provenance held = new Provenance("p/Pool.java", 4, 5, "Pool.evict()", List.of());
    Provenance call = new Provenance("p/Pool.java", 5, 7, "Pool.evict()", List.of());
    MethodSummary evict =
        new MethodSummary(
            "Pool.evict()",
            "p.Pool#evict()",
            List.of(),
            List.of(),
            List.of(
                new MethodSummary.Acquisition(List.of(), HeldLock.of(POOL, held), held),
                new MethodSummary.Acquisition(List.of(), new HeldLock(MONITOR, ReadMode.EXCLUSIVE, false, "this", held), held)),
            List.of(
                new MethodSummary.CallSite(
                    "p.Connection#invalidate()",
                    List.of(
                        new HeldLock(POOL, ReadMode.EXCLUSIVE, false, "this.lock", held),
                        HeldLock.of(MethodSummary.HELD_BY_CALL, held)),
                    call,
                    "this.idle",
                    "p.IdleQueue",
                    false,
                    true,
                    List.of(
                        MethodSummary.NO_ARGUMENT,
                        new MethodSummary.Argument(CONNECTION, null, List.of(), "p.PooledConnection", true),
                        MethodSummary.Argument.ofCallbacks(
                            List.of(new MethodSummary.Callback("lambda@p/Pool.java:99", null, true)))),
                    false,
                    true,
                    Gfp.NOFS,
                    true,
                    List.of(),
                    List.of(),
                    List.of("lambda@p/Pool.java:99"))),
            Set.of("RecursiveLocking", "LockOrderInversion"),
            new BodyContext(IrqKind.SOFTIRQ, IrqKind.HARDIRQ, Gfp.NOWAIT, true, false, true, true, held));
    return new ProgramUnit(
        "p/Pool.java",
        List.of(evict),
        List.of(
            new TypeDecl("p.Pool", "Pool", null, List.of("java.io.Closeable"), true),
            new TypeDecl("p.Pool.Idle", "Idle", "p.Base", List.of(), false)));
  }

  static ProgramUnit connection() {
    Provenance at = new Provenance("p/Connection.java", 3, 5, "Connection.invalidate()", List.of());
    MethodSummary invalidate =
        new MethodSummary(
            "Connection.invalidate(Object)",
            "p.Connection#invalidate(java.lang.Object)",
            List.of("p.Closeable#invalidate(java.lang.Object)"),
            List.of("local:o"),
            List.of(
                new MethodSummary.Acquisition(
                    List.of(HeldLock.of(POOL, at)), new HeldLock(CONNECTION, ReadMode.SHARED, true, "local:o", at), at,
                    List.of(MethodSummary.guard("local:force", false), MethodSummary.guard("local:locked", true)),
                    List.of(HeldLock.of(POOL, at)))),
            List.of(
                new MethodSummary.CallSite(
                    "p.Connection#close(boolean)", List.of(), at, "local:o", "p.Connection", false, true,
                    List.of(MethodSummary.Argument.ofInstance(MethodSummary.FALSE)), false, false, Gfp.KERNEL, false,
                    List.of(MethodSummary.guard("local:locked", true)), List.of(), List.of())),
            Set.of(),
            BodyContext.entry(at),
            List.of(new MethodSummary.Store("p.Connection.lock", 0)),
            List.of(
                new MethodSummary.Flow("F p.Connection.peer", List.of("N p.Connection", "P 0")),
                new MethodSummary.Flow("U 3:5 p.Closeable#close()", List.of("F p.Connection.peer", "?"))),
            List.of(new HeldLock(CONNECTION, ReadMode.SHARED, false, "this.lock", at)),
            new HeldLock(CONNECTION, ReadMode.EXCLUSIVE, false, "this.this$Pool.lock", at));
    return new ProgramUnit("p/Connection.java", List.of(invalidate));
  }

  @Test
  void roundTripsAndWritesTheSameBytesInAnyOrder() throws FactsFormatException {
    byte[] bytes = ProgramFormat.write(List.of(pool(), connection()));
    assertArrayEquals(bytes, ProgramFormat.write(List.of(connection(), pool())));
    List<ProgramUnit> read = ProgramFormat.read(bytes, "x");
    assertEquals(List.of(connection(), pool()), read);
    // Lock classes are equal by key and subclass alone: that a monitor is typed is read back too.
    assertTrue(read.get(1).methods().get(0).acquisitions().get(1).next().lockClass().typed());
    assertTrue(!read.get(1).methods().get(0).acquisitions().get(0).next().lockClass().typed());
  }

  @Test
  void isNotAFactsFileAndViceVersa() {
    byte[] summaries = ProgramFormat.write(List.of(pool()));
    FactsFormatException e = assertThrows(FactsFormatException.class, () -> FactsFormat.read(summaries, "a.jar!s"));
    assertTrue(e.getMessage().startsWith("a.jar!s: "), e.getMessage());
    byte[] facts = FactsFormat.write(List.of());
    FactsFormatException f = assertThrows(FactsFormatException.class, () -> ProgramFormat.read(facts, "b.jar!f"));
    assertEquals("b.jar!f: not a lockdep summaries file (bad magic)", f.getMessage());
  }

  @Test
  void refusesOtherVersionsNamingBoth() {
    byte[] bytes = ProgramFormat.write(List.of(pool()));
    bytes[5] = 11;
    FactsFormatException e = assertThrows(FactsFormatException.class, () -> ProgramFormat.read(bytes, "lib.jar!META-INF/lockdep/p.summaries"));
    assertTrue(e.getMessage().startsWith("lib.jar!META-INF/lockdep/p.summaries: lockdep summaries file version 11 is not supported (this reader reads version 10)"), e.getMessage());
  }

  @Test
  void everyTruncationAndBitFlipIsAFormatException() {
    byte[] bytes = ProgramFormat.write(List.of(pool(), connection()));
    for (int n = 0; n < bytes.length; n++) {
      byte[] cut = java.util.Arrays.copyOf(bytes, n);
      assertThrows(FactsFormatException.class, () -> ProgramFormat.read(cut, "cut"));
    }
    for (int bit = 0; bit < bytes.length * 8; bit++) {
      byte[] flipped = bytes.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThrows(FactsFormatException.class, () -> ProgramFormat.read(flipped, "flip"));
    }
  }

  /** Mutations with the checksum fixed up reach the parser: nothing but FactsFormatException escapes. */
  @Test
  void mutationsPastTheChecksumNeverEscapeAsOtherExceptions() {
    byte[] bytes = ProgramFormat.write(List.of(pool(), connection()));
    Random random = new Random(7);
    for (int round = 0; round < 20_000; round++) {
      byte[] mutated = bytes.clone();
      int edits = 1 + random.nextInt(3);
      for (int i = 0; i < edits; i++) {
        mutated[6 + random.nextInt(mutated.length - 10)] = (byte) random.nextInt(256);
      }
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(mutated, 0, mutated.length - 4);
      long sum = crc.getValue();
      int end = mutated.length - 4;
      mutated[end] = (byte) (sum >>> 24);
      mutated[end + 1] = (byte) (sum >>> 16);
      mutated[end + 2] = (byte) (sum >>> 8);
      mutated[end + 3] = (byte) sum;
      try {
        ProgramFormat.read(mutated, "m");
      } catch (FactsFormatException expected) {
        // refused cleanly
      }
    }
  }

  @Test
  void compositionDoesNotDependOnTheOrderOfUnits() {
    List<ProgramUnit> units = new ArrayList<>(List.of(pool(), connection()));
    SummaryComposer.Composition expected = SummaryComposer.compose(units, List.of());
    Collections.reverse(units);
    assertEquals(expected, SummaryComposer.compose(units, List.of()));
  }
}
