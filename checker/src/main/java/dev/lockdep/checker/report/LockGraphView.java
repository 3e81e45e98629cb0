package dev.lockdep.checker.report;

import dev.lockdep.checker.LockdepReport;
import dev.lockdep.lockgraph.ChainLink;
import dev.lockdep.lockgraph.DependencyEdge;
import dev.lockdep.lockgraph.EdgeType;
import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.LockGraph;
import dev.lockdep.lockgraph.Provenance;
import dev.lockdep.lockgraph.UnitFacts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The lock graph as drawn: one node per lock class, one edge per ordered pair of classes with a
 * dependency (labelled with the position of one acquisition that created it), the edges of the
 * findings marked as problems and labelled with the acquisition the finding shows.
 *
 * <p>A large graph is cut down to what a reader can use: the classes on cycles or in findings and
 * their neighbours, then only those classes, then the first edges in order; {@link #omitted()}
 * says what was left out.
 */
final class LockGraphView {
  /** Beyond this many edges no renderer lays a graph out legibly. */
  static final int MAX_EDGES = 500;

  /** One drawn dependency. */
  record Edge(LockClass from, LockClass to, Set<EdgeType> types, Provenance at, Set<String> problems) {
    boolean isProblem() {
      return !problems.isEmpty();
    }

    /** {@code Pool.java:42}, with the edge types when any is a read edge. */
    String label() {
      String label = Sites.fileLine(at);
      return types.equals(EnumSet.of(EdgeType.EN)) ? label : label + " " + types;
    }
  }

  private final List<LockClass> nodes;
  private final List<Edge> edges;
  private final String omitted;

  private LockGraphView(List<LockClass> nodes, List<Edge> edges, String omitted) {
    this.nodes = nodes;
    this.edges = edges;
    this.omitted = omitted;
  }

  static LockGraphView of(LockGraph graph, List<LockdepReport> reports) {
    return of(graph, reports, MAX_EDGES);
  }

  static LockGraphView of(LockGraph graph, List<LockdepReport> reports, int maxEdges) {
    Map<List<LockClass>, Edge> byPair = new TreeMap<>(LockGraphView::comparePairs);
    for (UnitFacts unit : graph.units()) {
      for (DependencyEdge d : unit.dependencies()) {
        add(byPair, d, null);
      }
    }
    for (LockdepReport report : reports) {
      for (ChainLink link : report.chain()) {
        // The primed fs_reclaim -> dma_fence_map dependency belongs to no unit: it joins the graph here.
        add(byPair, link.dependency(), report.check().name());
      }
    }
    List<Edge> all = new ArrayList<>(byPair.values());
    Set<LockClass> classes = new TreeSet<>();
    for (Edge e : all) {
      classes.add(e.from());
      classes.add(e.to());
    }
    if (all.size() <= maxEdges) {
      return new LockGraphView(List.copyOf(classes), all, "");
    }
    Set<LockClass> core = new TreeSet<>(CycleClasses.of(all));
    for (Edge e : all) {
      if (e.isProblem()) {
        core.add(e.from());
        core.add(e.to());
      }
    }
    List<Edge> kept = touching(all, core, true);
    String what = "the classes on cycles or in findings and their neighbours";
    if (kept.size() > maxEdges) {
      kept = touching(all, core, false);
      what = "the classes on cycles or in findings";
    }
    if (kept.size() > maxEdges) {
      List<Edge> first = new ArrayList<>();
      for (Edge e : kept) {
        if (e.isProblem() || first.size() < maxEdges) {
          first.add(e);
        }
      }
      kept = first;
      what += ", the first " + maxEdges + " dependencies and every problem one";
    }
    Set<LockClass> shown = new TreeSet<>();
    for (Edge e : kept) {
      shown.add(e.from());
      shown.add(e.to());
    }
    String omitted =
        "showing " + what + ": " + shown.size() + " of " + classes.size() + " lock classes, "
            + kept.size() + " of " + all.size() + " dependencies";
    return new LockGraphView(List.copyOf(shown), kept, omitted);
  }

  /** Adds a dependency to its pair's edge; {@code problem} names the check of a finding it is in. */
  private static void add(Map<List<LockClass>, Edge> byPair, DependencyEdge d, String problem) {
    List<LockClass> pair = List.of(d.from(), d.to());
    Edge old = byPair.get(pair);
    Set<EdgeType> types = EnumSet.of(d.type());
    Set<String> problems = new TreeSet<>();
    Provenance label = d.at();
    if (old != null) {
      types.addAll(old.types());
      problems.addAll(old.problems());
      // A problem edge shows the acquisition its finding shows; others the least position.
      if (old.isProblem() || (problem == null && old.at().compareTo(d.at()) < 0)) {
        label = old.at();
      }
    }
    if (problem != null) {
      problems.add(problem);
    }
    byPair.put(pair, new Edge(d.from(), d.to(), types, label, problems));
  }

  /** The edges with both ends in {@code classes} or, with {@code neighbours}, at least one. */
  private static List<Edge> touching(List<Edge> all, Set<LockClass> classes, boolean neighbours) {
    List<Edge> kept = new ArrayList<>();
    for (Edge e : all) {
      boolean from = classes.contains(e.from());
      boolean to = classes.contains(e.to());
      if (e.isProblem() || (neighbours ? from || to : from && to)) {
        kept.add(e);
      }
    }
    return kept;
  }

  private static int comparePairs(List<LockClass> a, List<LockClass> b) {
    int c = a.get(0).compareTo(b.get(0));
    return c != 0 ? c : a.get(1).compareTo(b.get(1));
  }

  /** The classes, sorted by key and subclass. */
  List<LockClass> nodes() {
    return nodes;
  }

  /** The edges, sorted by their classes. */
  List<Edge> edges() {
    return edges;
  }

  /** What the cap left out, or empty when everything is shown. */
  String omitted() {
    return omitted;
  }

  /** A stable identifier per node, safe in every format: {@code n0}, {@code n1}, ... */
  Map<LockClass, String> ids() {
    Map<LockClass, String> ids = new HashMap<>();
    for (LockClass c : nodes) {
      ids.put(c, "n" + ids.size());
    }
    return ids;
  }
}
