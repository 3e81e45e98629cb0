package dev.lockdep.lockgraph;

import java.util.ArrayList;
import java.util.List;

/** Terse fact construction for engine tests. */
final class Facts {
  private Facts() {}

  static Provenance at(String file, int line) {
    return new Provenance(file, line, 1, file.replace(".java", "") + ".m()", List.of());
  }

  static HeldLock held(LockClass c, ReadMode mode, int line) {
    return new HeldLock(c, mode, false, null, at("Held.java", line));
  }

  static HeldLock held(LockClass c) {
    return held(c, ReadMode.EXCLUSIVE, 1);
  }

  static HeldLock tryHeld(LockClass c) {
    return new HeldLock(c, ReadMode.EXCLUSIVE, true, null, at("Held.java", 1));
  }

  /** A unit in which each pair {a, b} means: b acquired exclusively while a is held. */
  static UnitFacts orders(String unit, LockClass... pairs) {
    UnitFacts.Builder b = UnitFacts.builder(unit);
    for (int i = 0; i < pairs.length; i += 2) {
      b.acquire(List.of(held(pairs[i])), pairs[i + 1], ReadMode.EXCLUSIVE, false,
          IrqState.PROCESS, at(unit, i + 1));
    }
    return b.build();
  }

  static List<CheckKind> kinds(List<Finding> findings) {
    List<CheckKind> out = new ArrayList<>();
    for (Finding f : findings) {
      out.add(f.kind());
    }
    return out;
  }

  static List<String> rendered(List<Finding> findings) {
    List<String> out = new ArrayList<>();
    for (Finding f : findings) {
      out.add(f.render());
    }
    return out;
  }
}
