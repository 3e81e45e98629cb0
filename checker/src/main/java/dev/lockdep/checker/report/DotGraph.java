package dev.lockdep.checker.report;

import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.PseudoLock;
import java.util.Map;

/** The lock graph in Graphviz DOT: {@code dot -Tsvg lockdep.dot > lockdep.svg}. */
final class DotGraph {
  private DotGraph() {}

  static String render(LockGraphView view) {
    StringBuilder sb = new StringBuilder();
    sb.append("// LockdepCheck lock graph: an edge A -> B means B was acquired while A was held,\n");
    sb.append("// at the position on the edge. Dependencies of findings are red and bold.\n");
    if (!view.omitted().isEmpty()) {
      sb.append("// Too large to draw whole: ").append(view.omitted()).append(".\n");
    }
    sb.append("digraph lockdep {\n");
    sb.append("  rankdir=LR;\n");
    sb.append("  node [shape=box, fontname=\"Helvetica\"];\n");
    sb.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    Map<LockClass, String> ids = view.ids();
    for (LockClass c : view.nodes()) {
      sb.append("  ").append(ids.get(c)).append(" [label=").append(quote(c.displayName()));
      if (c.pseudo() != PseudoLock.NONE) {
        sb.append(", shape=ellipse, style=dashed");
      }
      sb.append("];\n");
    }
    for (LockGraphView.Edge e : view.edges()) {
      sb.append("  ").append(ids.get(e.from())).append(" -> ").append(ids.get(e.to()))
          .append(" [label=").append(quote(e.label()));
      if (e.isProblem()) {
        sb.append(", color=\"red\", fontcolor=\"red\", penwidth=2.5, tooltip=")
            .append(quote(String.join(", ", e.problems())));
      }
      sb.append("];\n");
    }
    sb.append("}\n");
    return sb.toString();
  }

  /** A DOT quoted string: only the quote and the backslash need escaping; no newlines occur. */
  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
