package dev.lockdep.lockgraph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code RecursiveLocking}: the acquisitions lockdep's {@code check_deadlock} refused, one report
 * per lock class and source position (the same refusal reached through several call chains, or
 * recorded by several units, is one problem), from current units only.
 */
final class RecursionCheck {
  private RecursionCheck() {}

  static void run(List<UnitFacts> units, CheckOptions options, List<Finding> out) {
    Map<Key, RecursionFact> least = new HashMap<>();
    Map<Key, String> unitOf = new HashMap<>();
    for (UnitFacts u : units) {
      if (!options.isCurrent(u.name())) {
        continue;
      }
      for (RecursionFact r : u.recursions()) {
        Key key = new Key(r.held(), r.at().file(), r.at().line(), r.at().column());
        RecursionFact known = least.get(key);
        // Units come sorted by name, so on a tie the first unit is kept.
        if (known == null || RecursionFact.REPORTED.compare(r, known) < 0) {
          least.put(key, r);
          unitOf.put(key, u.name());
        }
      }
    }
    for (Map.Entry<Key, RecursionFact> e : least.entrySet()) {
      out.add(finding(e.getValue(), unitOf.get(e.getKey())));
    }
  }

  private static Finding finding(RecursionFact r, String unit) {
    String name = r.held().displayName();
    String summary;
    String hint;
    List<String> notes;
    switch (r.kind()) {
      case SAME_INSTANCE -> {
        summary = "re-acquiring " + name + ", which is not reentrant, while holding it:"
            + " self-deadlock";
        hint = "both acquisitions take the same " + name + " object, and it is not reentrant: do not take it"
            + " again while holding it (split the method into a part that takes the lock and a part that"
            + " expects it held), or use a reentrant lock";
        notes = List.of();
      }
      case READ_TO_WRITE -> {
        summary = "write-acquiring " + name + " while holding it for reading: a read lock"
            + " cannot be upgraded";
        hint = "release the read lock before taking the write lock";
        notes = List.of();
      }
      default -> {
        summary = "acquiring " + name + " while already holding another lock of the same class";
        hint = (r.held().reentrant()
                ? ""
                : "if both acquisitions can take the same " + name + " object, it is not reentrant:"
                    + " do not take it again while holding it; ")
            + "if they take two objects, nested deliberately in one order (by id, parent before"
            + " child), give the inner acquisition its own subclass with @Nested(1); if the two are"
            + " different kinds of lock, split the class with @LockClass";
        notes = List.of(" May be due to missing lock nesting notation");
      }
    }
    ChainLink link =
        new ChainLink(
            new DependencyEdge(r.held(), r.heldMode(), r.held(), r.nextMode(), r.at(), r.heldAt()),
            unit);
    return new Finding(
        CheckKind.RecursiveLocking,
        "possible recursive locking detected",
        summary,
        r.at(),
        List.of(r.held()),
        List.of(link),
        List.of(),
        List.of(
            ScenarioRow.cpu0(ScenarioRow.acquire(r.heldMode(), r.held())),
            ScenarioRow.cpu0(ScenarioRow.acquire(r.nextMode(), r.held()))),
        notes,
        hint,
        List.of(unit));
  }

  private record Key(LockClass lockClass, String file, int line, int column) {}
}
