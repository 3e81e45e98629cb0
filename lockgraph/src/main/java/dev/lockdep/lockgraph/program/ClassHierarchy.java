package dev.lockdep.lockgraph.program;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

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
  /** {@code $} followed by a digit: javac's binary names of anonymous and local classes. */
  private static final Pattern LOCAL_CLASS = Pattern.compile("\\$[0-9]");

  /** Overriding bodies beyond which a virtual call is followed to its static target only. */
  public static final int MAX_OVERRIDES = 4;

  private final Map<String, MethodSummary> bodies = new HashMap<>();
  private final Map<String, List<String>> overriders = new HashMap<>();

  /** Indexes {@code summaries} by id; the first of equal ids wins, so pass them sorted. */
  ClassHierarchy(Collection<MethodSummary> summaries) {
    Map<String, TreeSet<String>> byOverridden = new TreeMap<>();
    for (MethodSummary summary : summaries) {
      bodies.putIfAbsent(summary.id(), summary);
      if (LOCAL_CLASS.matcher(owner(summary.id())).find()) {
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
    List<MethodSummary> targets = new ArrayList<>();
    MethodSummary own = bodies.get(callee);
    if (own != null) {
      targets.add(own);
    }
    if (virtual && !callee.startsWith("java.") && !callee.startsWith("javax.")) {
      List<String> overriding = overriders.getOrDefault(callee, List.of());
      if (overriding.size() <= MAX_OVERRIDES) {
        for (String id : overriding) {
          targets.add(bodies.get(id));
        }
      }
    }
    return targets;
  }

  private static String owner(String id) {
    int hash = id.indexOf('#');
    return hash < 0 ? id : id.substring(0, hash);
  }
}
