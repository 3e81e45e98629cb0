package dev.lockdep.lockgraph.bench;

import dev.lockdep.lockgraph.CheckKind;
import dev.lockdep.lockgraph.CheckOptions;
import dev.lockdep.lockgraph.Finding;
import dev.lockdep.lockgraph.HeldLock;
import dev.lockdep.lockgraph.IrqState;
import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.LockGraph;
import dev.lockdep.lockgraph.Provenance;
import dev.lockdep.lockgraph.ReadMode;
import dev.lockdep.lockgraph.UnitFacts;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Merge and check generated graphs: {@code GraphBenchmark [edges...]}, default 100000 1000000
 * 4000000, over max(10000, edges / 100) classes. Classes live in modules of 50 with a global lock
 * order (module, then index). Units (source files) hold 1000 dependencies each; a unit takes the
 * locks of its own module and the next two, and while holding one takes another of the same
 * module or of the next eight, in lock order; 1 in 2000 of its dependencies goes against the order
 * inside its module (a small cycle). About one in ten dependencies has a reader on one side.
 * Ordinary classes are taken with irqs enabled (irq-unsafe); two modules hold interrupt-handler
 * locks (irq-safe, taken with irqs off elsewhere), one module leaf locks taken with irqs off, and
 * the last module irq-unsafe leaves that 1 in 10000 dependencies takes under a handler lock.
 */
public final class GraphBenchmark {
  private static final int MODULE = 50;
  private static final int PER_UNIT = 1000;

  private GraphBenchmark() {}

  public static void main(String[] args) {
    long[] sizes = args.length == 0 ? new long[] {100_000, 1_000_000, 4_000_000} : parse(args);
    System.out.printf(Locale.ROOT, "%-9s %-7s %-6s %-9s %-9s %-9s %-8s %-9s %-9s %s%n",
        "edges", "classes", "units", "wall ms", "median", "cpu ms", "ns/edge", "alloc MB",
        "facts MB", "findings");
    for (long size : sizes) {
      run((int) size);
    }
  }

  private static long[] parse(String[] args) {
    long[] out = new long[args.length];
    for (int i = 0; i < args.length; i++) {
      out[i] = Long.parseLong(args[i].replace("_", ""));
    }
    return out;
  }

  private static void run(int edges) {
    int classes = Math.max(10_000, edges / 100);
    long before = usedHeap();
    List<UnitFacts> units = generate(edges, classes, 42);
    long factsBytes = usedHeap() - before;
    CheckOptions options = CheckOptions.defaults();
    int rounds = edges >= 4_000_000 ? 3 : 5;
    long[] times = new long[rounds];
    long[] cpu = new long[rounds];
    long alloc = 0;
    List<Finding> findings = List.of();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int i = 0; i < rounds; i++) {
      System.gc();
      long a0 = threads.getCurrentThreadAllocatedBytes();
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      findings = LockGraph.merge(units).check(options);
      times[i] = System.nanoTime() - t0;
      cpu[i] = threads.getCurrentThreadCpuTime() - c0;
      alloc = threads.getCurrentThreadAllocatedBytes() - a0;
    }
    Arrays.sort(times);
    Arrays.sort(cpu);
    Map<CheckKind, Integer> byKind = new EnumMap<>(CheckKind.class);
    for (Finding f : findings) {
      byKind.merge(f.kind(), 1, Integer::sum);
    }
    System.out.printf(Locale.ROOT, "%-9d %-7d %-6d %-9.0f %-9.0f %-9.0f %-8.0f %-9.0f %-9.0f %s%n",
        edges, classes, units.size(), times[0] / 1e6, times[rounds / 2] / 1e6, cpu[0] / 1e6,
        (double) times[0] / edges, alloc / 1e6, factsBytes / 1e6, byKind);
  }

  private static long usedHeap() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  /** Deterministic for a seed. */
  public static List<UnitFacts> generate(int edges, int classCount, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    LockClass[] classes = new LockClass[classCount];
    for (int i = 0; i < classCount; i++) {
      classes[i] = LockClass.of("com.example.m" + (i / MODULE) + ".Lock" + (i % MODULE));
    }
    int modules = classCount / MODULE;
    // Modules in lock order: ordinary ones, two of interrupt-handler locks (irq-safe, taken with
    // irqs off elsewhere), one of leaf locks always taken with irqs off, one of irq-unsafe leaves.
    int firstIrq = (modules - 4) * MODULE;
    int firstIrqOffLeaf = (modules - 2) * MODULE;
    int firstUnsafeLeaf = (modules - 1) * MODULE;
    List<UnitFacts> units = new ArrayList<>();
    HashSet<Long> seen = new HashSet<>();
    boolean[] handlerSeen = new boolean[classCount];
    UnitFacts.Builder b = null;
    String unit = null;
    int inUnit = PER_UNIT;
    int made = 0;
    int home = 0;
    int rejected = 0;
    IrqState irqsOff = IrqState.PROCESS.withHardirqsEnabled(false).withSoftirqsEnabled(false);
    while (made < edges) {
      if (inUnit == PER_UNIT) {
        if (b != null) {
          units.add(b.build());
        }
        unit = "src/main/java/com/example/Unit" + units.size() + ".java";
        b = UnitFacts.builder(unit);
        inUnit = 0;
        home = units.size() % (modules - 4);
      }
      if (rejected > 1000) {
        // this neighbourhood is full: move on
        home = (home + 1) % (modules - 4);
        rejected = 0;
      }
      int from;
      int to;
      int kind = r.nextInt(10_000);
      if (kind < 5) {
        // against the order inside the unit's own module: a small cycle
        from = home * MODULE + 1 + r.nextInt(MODULE - 1);
        to = home * MODULE + r.nextInt(from - home * MODULE);
      } else if (kind < 6) {
        // an interrupt-handler lock held while taking an irq-unsafe leaf
        from = firstIrq + r.nextInt(firstIrqOffLeaf - firstIrq);
        to = firstUnsafeLeaf + r.nextInt(MODULE);
      } else {
        // a unit takes the locks of its own module and the next two, then ones of its own module
        // or of the next eight
        int m = Math.min(home + r.nextInt(3), modules - 3);
        from = m * MODULE + r.nextInt(MODULE - 1);
        int limit = from >= firstIrq ? firstUnsafeLeaf : classCount;
        to = r.nextInt(4) != 0
            ? from + 1 + r.nextInt(MODULE - 1 - from % MODULE)
            : (m + 1) * MODULE + r.nextInt(8 * MODULE);
        if (to >= limit) {
          rejected++;
          continue;
        }
      }
      if (!seen.add((long) from * classCount + to)) {
        rejected++;
        continue;
      }
      rejected = 0;
      ReadMode fromMode = r.nextInt(20) == 0 ? ReadMode.SHARED : ReadMode.EXCLUSIVE;
      ReadMode toMode = r.nextInt(20) == 0 ? ReadMode.SHARED_RECURSIVE : ReadMode.EXCLUSIVE;
      int line = 1 + inUnit;
      String method = "Unit.m" + (inUnit / 20) + "()";
      Provenance heldAt = new Provenance(unit, line, 5, method, List.of());
      Provenance at = new Provenance(unit, line, 9, method, List.of());
      boolean off = from >= firstIrq || (to >= firstIrq && to < firstUnsafeLeaf);
      b.acquire(List.of(new HeldLock(classes[from], fromMode, false, null, heldAt)), classes[to],
          toMode, false, off ? irqsOff : IrqState.PROCESS, at);
      if (to >= firstUnsafeLeaf) {
        // the leaf is also taken on its own with irqs enabled: irq-unsafe
        b.acquire(List.of(), classes[to], ReadMode.EXCLUSIVE, false, IrqState.PROCESS, at);
      }
      if (from >= firstIrq && from < firstIrqOffLeaf && !handlerSeen[from]) {
        handlerSeen[from] = true;
        b.acquire(List.of(), classes[from], ReadMode.EXCLUSIVE, false, IrqState.IN_HARDIRQ, at);
      }
      made++;
      inUnit++;
    }
    units.add(b.build());
    return units;
  }
}
