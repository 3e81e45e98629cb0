package dev.lockdep.lockgraph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random but reproducible units using every kind of fact, class initializations and dependencies
 * made after them among them, for merge and format tests.
 */
final class RandomFacts {
  private RandomFacts() {}

  static List<UnitFacts> units(long seed, int units, int classes, int events) {
    return units(seed, units, classes, events, 0, events);
  }

  /**
   * As {@link #units(long, int, int, int)}, keeping only events {@code from} (inclusive) to
   * {@code to} (exclusive) of each unit: the facts of a part of the same event stream.
   */
  static List<UnitFacts> units(long seed, int units, int classes, int events, int from, int to) {
    Random r = new Random(seed);
    List<LockClass> pool = new ArrayList<>();
    for (int i = 0; i < classes; i++) {
      LockClass c = LockClass.of("pkg.C" + i, r.nextInt(10) == 0 ? 1 : 0);
      pool.add(r.nextInt(5) == 0 ? c.nonReentrant().withName("C" + i) : c);
    }
    pool.add(LockClass.FS_RECLAIM);
    pool.add(LockClass.DMA_FENCE_MAP);
    List<LockClass> initializations =
        List.of(LockClass.of("pkg.I0" + LockClass.INITIALIZATION), LockClass.of("pkg.I1" + LockClass.INITIALIZATION));
    pool.addAll(initializations);
    ReadMode[] modes = ReadMode.values();
    IrqState[] states = {
      IrqState.PROCESS, IrqState.PROCESS, IrqState.PROCESS, IrqState.IN_HARDIRQ,
      IrqState.IN_SOFTIRQ, IrqState.PROCESS.withHardirqsEnabled(false),
      IrqState.PROCESS.withSoftirqsEnabled(false)
    };
    List<UnitFacts> out = new ArrayList<>();
    for (int u = 0; u < units; u++) {
      String name = "src/U" + u + ".java";
      UnitFacts.Builder b = UnitFacts.builder(name);
      for (int e = 0; e < events; e++) {
        List<HeldLock> held = new ArrayList<>();
        int depth = r.nextInt(4);
        for (int h = 0; h < depth; h++) {
          held.add(new HeldLock(pool.get(r.nextInt(pool.size())), modes[r.nextInt(3)],
              r.nextInt(6) == 0, r.nextBoolean() ? "i" + r.nextInt(3) : null,
              provenance(r, name)));
        }
        IrqState irq = states[r.nextInt(states.length)];
        boolean keep = e >= from && e < to;
        if (r.nextInt(8) == 0) {
          Provenance at = provenance(r, name);
          if (keep) {
            b.irqsEnabled(held, irq, at);
          }
        } else {
          HeldLock next = new HeldLock(pool.get(r.nextInt(pool.size())), modes[r.nextInt(3)],
              r.nextInt(8) == 0, r.nextBoolean() ? "i" + r.nextInt(3) : null,
              provenance(r, name));
          Set<LockClass> initialized = new HashSet<>();
          for (LockClass initialization : initializations) {
            if (r.nextInt(3) == 0) {
              initialized.add(initialization);
            }
          }
          if (keep) {
            b.acquire(held, next, irq, initialized);
          }
        }
      }
      out.add(b.build());
    }
    return out;
  }

  private static Provenance provenance(Random r, String file) {
    List<String> chain = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      chain.add("M" + r.nextInt(5) + ".call()");
    }
    return new Provenance(file, 1 + r.nextInt(200), r.nextInt(40), "M" + r.nextInt(5) + ".m()",
        chain);
  }
}
