package dev.lockdep.lockgraph.program;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Class-hierarchy analysis over summaries (SPEC §6): a virtual call may run the static target or
 * any method known to override it, so an abstract {@code spill()} reaches every implementation.
 *
 * <p>Exclusions keep the fan-out to what a reader would expect (the composer adds one more: an
 * override already on the call chain is not entered again). Methods of anonymous and local
 * classes are reached only through the callbacks bound where they are created, like lambdas.
 * Calls whose static target is declared by the JDK ({@code java.*}, {@code javax.*}: {@code
 * Object.equals}, {@code AutoCloseable.close}, {@code Runnable.run}, {@code Iterator.next}, ...)
 * do not fan out to the program's implementations: such an interface is implemented by unrelated
 * classes all over a program, and a call through it says nothing about which of them runs.
 * Callbacks passed as such types are followed through their bindings instead.
 *
 * <p>A call with more than {@value #MAX_OVERRIDES} overriding bodies is followed to its static
 * target only. Such a method is an abstraction many unrelated classes implement (a collection, a
 * pool, a supplier), and decorators of it call the same method on their delegate: following every
 * override makes each decorator call every other one, a cycle no object graph can build.
 */
final class ClassHierarchy {
  /** Overriding bodies beyond which a virtual call is followed to its static target only. */
  public static final int MAX_OVERRIDES = 4;

  private final Map<String, MethodSummary> bodies = new HashMap<>();
  private final Map<String, List<String>> overriders = new HashMap<>();

  /** Indexes {@code summaries} by id; the first of equal ids wins, so pass them sorted. */
  ClassHierarchy(Collection<MethodSummary> summaries) {
    Map<String, TreeSet<String>> byOverridden = new HashMap<>();
    for (MethodSummary summary : summaries) {
      bodies.putIfAbsent(summary.id(), summary);
      if (summary.overrides().isEmpty() || ofLocalClass(summary.id())) {
        continue;
      }
      for (String overridden : summary.overrides()) {
        byOverridden.computeIfAbsent(overridden, k -> new TreeSet<>()).add(summary.id());
      }
    }
    byOverridden.forEach((overridden, ids) -> overriders.put(overridden, new ArrayList<>(ids)));
  }

  /** The analysed body with this id, or null. */
  MethodSummary body(String id) {
    return bodies.get(id);
  }

  /** The bodies a call of {@code callee} may run: its own, then its overrides in id order. */
  List<MethodSummary> targets(String callee, boolean virtual) {
    MethodSummary own = bodies.get(callee);
    List<String> overriding =
        virtual && !callee.startsWith("java.") && !callee.startsWith("javax.")
            ? overriders.getOrDefault(callee, List.of())
            : List.of();
    if (overriding.isEmpty() || overriding.size() > MAX_OVERRIDES) {
      // Most calls: no list to build.
      return own == null ? List.of() : List.of(own);
    }
    List<MethodSummary> targets = new ArrayList<>();
    if (own != null) {
      targets.add(own);
    }
    for (String id : overriding) {
      targets.add(bodies.get(id));
    }
    return targets;
  }

  /**
   * Whether {@code id} is of a method of an anonymous or local class: javac's binary names of
   * those have {@code $} followed by a digit.
   */
  private static boolean ofLocalClass(String id) {
    int hash = id.indexOf('#');
    int owner = hash < 0 ? id.length() : hash;
    for (int dollar = id.indexOf('$'); dollar >= 0 && dollar + 1 < owner; dollar = id.indexOf('$', dollar + 1)) {
      char next = id.charAt(dollar + 1);
      if (next >= '0' && next <= '9') {
        return true;
      }
    }
    return false;
  }
}
