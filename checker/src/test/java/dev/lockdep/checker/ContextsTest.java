package dev.lockdep.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** Irq, reclaim and fence contexts through the javac plugin: what the reports say and the options. */
class ContextsTest {
  private static List<PluginCompiler.Diag> errors(List<PluginCompiler.Diag> diagnostics) {
    return diagnostics.stream().filter(d -> d.kind() == Diagnostic.Kind.ERROR).toList();
  }

  @Test
  void irqFindingsPrintTheInterruptScenario() {
    List<PluginCompiler.Diag> found =
        errors(PluginCompiler.compileTree(TestdataProgramsTest.PROGRAMS.resolve("IrqSafeToUnsafe")));
    assertEquals(1, found.size(), found::toString);
    String message = found.get(0).message();
    assertTrue(message.contains("Possible interrupt unsafe locking scenario"), message);
    assertTrue(message.contains("<Interrupt: an @IrqContext handler runs>"), message);
    assertTrue(message.contains("disable interrupts (@IrqsDisabled);"), message);
    assertTrue(message.contains("Uart.portLock {IN-HARDIRQ-W} state was registered at"), message);
    assertTrue(message.contains("Uart.bufferLock {HARDIRQ-ON-W} state was registered at"), message);
  }

  @Test
  void reclaimFindingsNameThePseudoLock() {
    List<PluginCompiler.Diag> found =
        errors(PluginCompiler.compileTree(TestdataProgramsTest.PROGRAMS.resolve("ReclaimUnderLock")));
    assertEquals(1, found.size(), found::toString);
    String message = found.get(0).message();
    assertTrue(message.contains("lock(fs_reclaim) at Journal.java:18 in Journal.append(int)"), message);
  }

  @Test
  void withoutThePrimeReclaimInASignallingSectionIsNoCycle() {
    assertEquals(
        List.of(),
        errors(PluginCompiler.compileTree(TestdataProgramsTest.PROGRAMS.resolve("FenceSignalling"), "PrimeFenceReclaim=false")));
    // A fence wait under a lock the signalling path takes needs no prime.
    assertEquals(
        1,
        errors(PluginCompiler.compileTree(TestdataProgramsTest.PROGRAMS.resolve("FutureWait"), "PrimeFenceReclaim=false")).size());
  }

  /** A context annotation on an interface method applies to every implementation (SPEC §4). */
  @Test
  void implementationsInheritTheirInterfacesContexts() {
    String source =
        """
        package p;
        import dev.lockdep.annotations.*;
        interface Cache { @Shrinker void shrink(); @IrqContext(Irq.HARDIRQ) void onIrq(); }
        class LruCache implements Cache {
          final Object lru = new Object();
          final Object index = new Object();
          @Reclaim byte[] allocate() { return new byte[8]; }
          public void grow() { synchronized (lru) { allocate(); } }
          @Override public void shrink() { synchronized (lru) { } }
          @Override public void onIrq() { synchronized (index) { } }
          public void rebuild() { synchronized (index) { } }
        }
        """;
    List<String> found =
        errors(PluginCompiler.compile(Map.of("p/LruCache.java", source))).stream().map(PluginCompiler.Diag::firstLine).sorted().toList();
    assertEquals(2, found.size(), found::toString);
    assertTrue(found.stream().anyMatch(f -> f.startsWith("LruCache.java:9: error: [LockOrderInversion]") && f.contains("fs_reclaim")), found::toString);
    assertTrue(
        found.stream().anyMatch(f -> f.startsWith("LruCache.java:11: error: [InconsistentLockState] inconsistent {IN-HARDIRQ-W} -> {HARDIRQ-ON-W} usage")),
        found::toString);
  }
}
