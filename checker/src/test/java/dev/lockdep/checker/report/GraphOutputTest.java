package dev.lockdep.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockdep.checker.LockdepReport;
import dev.lockdep.lockgraph.ChainLink;
import dev.lockdep.lockgraph.CheckKind;
import dev.lockdep.lockgraph.DependencyEdge;
import dev.lockdep.lockgraph.HeldLock;
import dev.lockdep.lockgraph.IrqState;
import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.LockGraph;
import dev.lockdep.lockgraph.Provenance;
import dev.lockdep.lockgraph.PseudoLock;
import dev.lockdep.lockgraph.ReadMode;
import dev.lockdep.lockgraph.UnitFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Graph=FILE.dot|FILE.mmd}: the lock graph, problem edges highlighted; both formats parse. */
class GraphOutputTest {
  @TempDir Path dir;

  private GraphSyntax.Parsed[] both(Path program) throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    PluginRun.compileTree(program, classes, "Graph=" + dir.resolve("g.dot"));
    PluginRun.compileTree(program, classes, "Graph=" + dir.resolve("g.mmd"));
    return new GraphSyntax.Parsed[] {
      GraphSyntax.dot(Files.readString(dir.resolve("g.dot"))),
      GraphSyntax.mermaid(Files.readString(dir.resolve("g.mmd")))
    };
  }

  @Test
  void everyClassAndDependencyIsDrawnAndTheCyclesAreHighlighted() throws Exception {
    for (GraphSyntax.Parsed graph : both(PluginRun.program("LockOrderInversion"))) {
      assertEquals(
          List.of("AuditLog.lock", "Ledger.lock", "Scheduler.queue", "Scheduler.timers", "Scheduler.workers"),
          List.copyOf(graph.nodes().values()));
      assertEquals(6, graph.edges().size());
      // Every dependency of this program lies on a reported cycle.
      assertEquals(Set.of(0, 1, 2, 3, 4, 5), graph.problems());
      for (GraphSyntax.Edge e : graph.edges()) {
        assertTrue(e.label().matches("\\w+\\.java:\\d+"), e::toString);
      }
    }
  }

  @Test
  void bothFormatsDrawTheSameGraph() throws Exception {
    GraphSyntax.Parsed[] graphs = both(PluginRun.program("LockOrderInversion"));
    assertEquals(graphs[0], graphs[1]);
  }

  @Test
  void onlyTheFindingsEdgesAreHighlightedLabelledWithTheirAcquisitions() throws Exception {
    Path src = dir.resolve("src");
    PluginRun.write(src, "p/Forward.java",
        """
        package p;
        class Forward {
          static final Object A = new Object();
          static final Object B = new Object();
          static final Object C = new Object();
          void ab() { synchronized (A) { synchronized (B) {} } }
          void ac() { synchronized (A) { synchronized (C) {} } }
          void ba() { synchronized (B) { synchronized (A) {} } }
        }
        """);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    PluginRun.compileTree(src, classes, "Graph=" + dir.resolve("g.dot"));
    PluginRun.compileTree(src, classes, "Graph=" + dir.resolve("g.mmd"));
    for (GraphSyntax.Parsed graph :
        List.of(GraphSyntax.dot(Files.readString(dir.resolve("g.dot"))), GraphSyntax.mermaid(Files.readString(dir.resolve("g.mmd"))))) {
      List<String> drawn = new ArrayList<>();
      for (int i = 0; i < graph.edges().size(); i++) {
        GraphSyntax.Edge e = graph.edges().get(i);
        drawn.add(graph.nodes().get(e.from()) + " -> " + graph.nodes().get(e.to()) + " " + e.label()
            + (graph.problems().contains(i) ? " !" : ""));
      }
      assertEquals(
          List.of(
              "Forward.A -> Forward.B Forward.java:6 !",
              "Forward.A -> Forward.C Forward.java:7",
              "Forward.B -> Forward.A Forward.java:8 !"),
          drawn);
    }
  }

  @Test
  void noFindingsMeansNothingHighlighted() throws Exception {
    for (GraphSyntax.Parsed graph : both(PluginRun.program("LockOrderInversion-fixed"))) {
      assertFalse(graph.edges().isEmpty());
      assertEquals(Set.of(), graph.problems());
    }
    assertFalse(Files.readString(dir.resolve("g.mmd")).contains("linkStyle"));
  }

  @Test
  void namesThatLookLikeSyntaxStayLabels() {
    LockClass odd = new LockClass("odd", 0, "we\"ird #1 <T> \\ {x}; [y]", true, PseudoLock.NONE);
    LockGraph graph = LockGraph.of(unit("u", List.of(edge(odd, LockClass.FS_RECLAIM, 3))));
    LockGraphView view = LockGraphView.of(graph, List.of());
    GraphSyntax.Parsed dot = GraphSyntax.dot(DotGraph.render(view));
    assertEquals(List.of("fs_reclaim", odd.displayName()), dot.nodes().values().stream().sorted().toList());
    GraphSyntax.Parsed mermaid = GraphSyntax.mermaid(MermaidGraph.render(view));
    assertTrue(mermaid.nodes().containsValue("we#quot;ird #35;1 #lt;T#gt; \\ {x}; [y]"), mermaid::toString);
    assertTrue(MermaidGraph.render(view).contains("([\"fs_reclaim\"])"), "pseudo-locks are drawn as stadiums");
  }

  /** Where Graphviz is installed, it renders the files; elsewhere the structural parse stands in. */
  @Test
  void graphvizRendersTheDotFiles() throws Exception {
    Assumptions.assumeTrue(hasGraphviz(), "Graphviz's dot is not installed");
    both(PluginRun.program("LockOrderInversion"));
    LockClass odd = new LockClass("odd", 0, "we\"ird #1 <T> \\ {x}; [y]", true, PseudoLock.NONE);
    Files.writeString(dir.resolve("odd.dot"),
        DotGraph.render(LockGraphView.of(LockGraph.of(unit("u", List.of(edge(odd, LockClass.FS_RECLAIM, 3)))), List.of())));
    for (String file : List.of("g.dot", "odd.dot")) {
      Process dot = new ProcessBuilder("dot", "-Tsvg", dir.resolve(file).toString()).redirectErrorStream(true).start();
      String svg = new String(dot.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertEquals(0, dot.waitFor(), svg);
      assertTrue(svg.contains("</svg>"), svg);
      assertFalse(svg.contains("Warning"), svg);
    }
  }

  private static boolean hasGraphviz() {
    try {
      return new ProcessBuilder("dot", "-V").redirectErrorStream(true).start().waitFor() == 0;
    } catch (java.io.IOException | InterruptedException e) {
      return false;
    }
  }

  /** A huge graph keeps the classes on cycles and in findings, and their neighbours, and says so. */
  @Test
  void aHugeGraphIsCutDownToTheCyclesAndFindings() {
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      pairs.add(new int[] {i, i + 1}); // a long acyclic chain L0 -> ... -> L60
    }
    pairs.add(new int[] {100, 101}); // X -> Y
    pairs.add(new int[] {101, 100}); // Y -> X: a cycle
    pairs.add(new int[] {101, 0}); // Y -> L0: a neighbour
    List<DependencyEdge> edges = new ArrayList<>();
    for (int[] p : pairs) {
      edges.add(edge(lock(p[0]), lock(p[1]), edges.size() + 1));
    }
    LockGraph graph = LockGraph.of(unit("u", edges));
    DependencyEdge closing = edges.get(61);
    LockdepReport finding =
        new LockdepReport(CheckKind.LockOrderInversion, closing.at(), "t", "s", List.of(),
            List.of(new ChainLink(edges.get(60), "u"), new ChainLink(closing, "u")), List.of(), "");
    LockGraphView view = LockGraphView.of(graph, List.of(finding), 10);
    assertEquals(List.of("L0", "X", "Y"), view.nodes().stream().map(LockClass::displayName).sorted().toList());
    assertEquals(3, view.edges().size());
    String dot = DotGraph.render(view);
    assertTrue(dot.contains("// Too large to draw whole: showing the classes on cycles or in findings and their neighbours: 3 of 63 lock classes, 3 of 63 dependencies."), dot);
    assertEquals(2, GraphSyntax.dot(dot).problems().size());
    assertEquals(2, GraphSyntax.mermaid(MermaidGraph.render(view)).problems().size());

    // Under a cap too small even for that, every problem edge still shows.
    LockGraphView tiny = LockGraphView.of(graph, List.of(finding), 1);
    assertEquals(2, tiny.edges().stream().filter(LockGraphView.Edge::isProblem).count());
    assertTrue(DotGraph.render(tiny).contains("every problem one"));
  }

  @Test
  void cycleClassesAreTheMembersOfNonTrivialComponents() {
    List<DependencyEdge> edges = List.of(
        edge(lock(1), lock(2), 1), edge(lock(2), lock(3), 2), edge(lock(3), lock(1), 3),
        edge(lock(3), lock(4), 4), edge(lock(4), lock(5), 5), edge(lock(5), lock(4), 6), edge(lock(6), lock(1), 7));
    LockGraphView view = LockGraphView.of(LockGraph.of(unit("u", edges)), List.of());
    assertEquals(
        Set.of("L1", "L2", "L3", "L4", "L5"),
        CycleClasses.of(view.edges()).stream().map(LockClass::displayName).collect(Collectors.toSet()));
  }

  private static LockClass lock(int i) {
    String name = i == 100 ? "X" : i == 101 ? "Y" : "L" + i;
    return LockClass.of(name);
  }

  private static DependencyEdge edge(LockClass from, LockClass to, int line) {
    Provenance held = new Provenance("p/G.java", line, 5, "G.m" + line + "()", List.of());
    Provenance at = new Provenance("p/G.java", line, 20, "G.m" + line + "()", List.of());
    return new DependencyEdge(from, ReadMode.EXCLUSIVE, to, ReadMode.EXCLUSIVE, at, held);
  }

  private static UnitFacts unit(String name, List<DependencyEdge> edges) {
    UnitFacts.Builder builder = UnitFacts.builder(name);
    for (DependencyEdge d : edges) {
      builder.acquire(List.of(HeldLock.of(d.from(), d.heldAt())), d.to(), ReadMode.EXCLUSIVE, false, IrqState.PROCESS, d.at());
    }
    return builder.build();
  }
}
