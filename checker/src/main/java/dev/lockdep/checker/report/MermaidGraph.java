package dev.lockdep.checker.report;

import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.PseudoLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lock graph as a Mermaid flowchart, which GitHub renders inline in Markdown ({@code ```mermaid}).
 * Node ids are generated ({@code n0}, ...) and names are quoted labels, so no class name can break
 * the syntax.
 */
final class MermaidGraph {
  private MermaidGraph() {}

  static String render(LockGraphView view) {
    StringBuilder sb = new StringBuilder();
    sb.append("%% LockdepCheck lock graph: an edge A --> B means B was acquired while A was held,\n");
    sb.append("%% at the position on the edge. Dependencies of findings are red and thick.\n");
    if (!view.omitted().isEmpty()) {
      sb.append("%% Too large to draw whole: ").append(view.omitted()).append(".\n");
    }
    sb.append("flowchart LR\n");
    Map<LockClass, String> ids = view.ids();
    for (LockClass c : view.nodes()) {
      String label = quote(c.displayName());
      sb.append("  ").append(ids.get(c))
          .append(c.pseudo() == PseudoLock.NONE ? "[" + label + "]" : "([" + label + "])")
          .append('\n');
    }
    List<Integer> problems = new ArrayList<>();
    List<LockGraphView.Edge> edges = view.edges();
    for (int i = 0; i < edges.size(); i++) {
      LockGraphView.Edge e = edges.get(i);
      sb.append("  ").append(ids.get(e.from())).append(" -->|").append(quote(e.label())).append("| ")
          .append(ids.get(e.to())).append('\n');
      if (e.isProblem()) {
        problems.add(i);
      }
    }
    if (!problems.isEmpty()) {
      // linkStyle counts edges in the order they are written, from 0.
      sb.append("  linkStyle ");
      for (int i = 0; i < problems.size(); i++) {
        sb.append(i == 0 ? "" : ",").append(problems.get(i));
      }
      sb.append(" stroke:#d00,stroke-width:3px,color:#d00\n");
    }
    return sb.toString();
  }

  /** A quoted label; Mermaid's entity codes stand for the characters its parser would take as syntax. */
  static String quote(String text) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("#quot;");
        case '#' -> sb.append("#35;");
        case '<' -> sb.append("#lt;");
        case '>' -> sb.append("#gt;");
        case '\n' -> sb.append(' ');
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
