package dev.lockdep.checker.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structural parsers for the two graph formats, strict enough that a file they accept renders:
 * the subset of DOT the writer uses (Graphviz's grammar), and Mermaid flowchart lines.
 */
final class GraphSyntax {
  private GraphSyntax() {}

  /** A parsed graph: node id -> label, edges in file order with their attributes, problem edge indexes. */
  record Parsed(Map<String, String> nodes, List<Edge> edges, Set<Integer> problems) {}

  record Edge(String from, String to, String label) {}

  // ---- DOT ----

  /** Parses {@code digraph id { stmt; ... }} with node, edge and attribute statements. */
  static Parsed dot(String text) {
    List<String> tokens = dotTokens(text);
    int[] i = {0};
    expect(tokens, i, "digraph");
    identifier(tokens, i);
    expect(tokens, i, "{");
    Map<String, String> nodes = new LinkedHashMap<>();
    List<Edge> edges = new ArrayList<>();
    Set<Integer> problems = new LinkedHashSet<>();
    while (!tokens.get(i[0]).equals("}")) {
      String id = identifier(tokens, i);
      if (tokens.get(i[0]).equals("=")) {
        i[0]++;
        value(tokens, i);
      } else if (tokens.get(i[0]).equals("->")) {
        i[0]++;
        String to = identifier(tokens, i);
        Map<String, String> attributes = attributes(tokens, i);
        if (!nodes.containsKey(id) || !nodes.containsKey(to)) {
          throw new IllegalArgumentException("edge " + id + " -> " + to + " uses an undeclared node");
        }
        if ("red".equals(attributes.get("color"))) {
          problems.add(edges.size());
        }
        edges.add(new Edge(id, to, attributes.get("label")));
      } else {
        Map<String, String> attributes = attributes(tokens, i);
        if (!List.of("graph", "node", "edge").contains(id)) {
          if (nodes.put(id, attributes.get("label")) != null) {
            throw new IllegalArgumentException("node " + id + " declared twice");
          }
        }
      }
      expect(tokens, i, ";");
    }
    expect(tokens, i, "}");
    if (i[0] != tokens.size()) {
      throw new IllegalArgumentException("text after the graph: " + tokens.get(i[0]));
    }
    return new Parsed(nodes, edges, problems);
  }

  private static Map<String, String> attributes(List<String> tokens, int[] i) {
    Map<String, String> attributes = new LinkedHashMap<>();
    if (!tokens.get(i[0]).equals("[")) {
      return attributes;
    }
    i[0]++;
    while (!tokens.get(i[0]).equals("]")) {
      String name = identifier(tokens, i);
      expect(tokens, i, "=");
      attributes.put(name, value(tokens, i));
      if (tokens.get(i[0]).equals(",")) {
        i[0]++;
      }
    }
    i[0]++;
    return attributes;
  }

  private static String value(List<String> tokens, int[] i) {
    String token = tokens.get(i[0]++);
    if (token.startsWith("\"")) {
      return token.substring(1, token.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    if (!token.matches("[A-Za-z_][A-Za-z0-9_]*|-?[0-9]*\\.?[0-9]+")) {
      throw new IllegalArgumentException("bad DOT value " + token);
    }
    return token;
  }

  private static String identifier(List<String> tokens, int[] i) {
    String token = tokens.get(i[0]++);
    if (!token.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("expected a DOT identifier, got " + token);
    }
    return token;
  }

  private static void expect(List<String> tokens, int[] i, String wanted) {
    if (i[0] >= tokens.size() || !tokens.get(i[0]).equals(wanted)) {
      throw new IllegalArgumentException("expected " + wanted + " at token " + i[0] + ": " + (i[0] < tokens.size() ? tokens.get(i[0]) : "end"));
    }
    i[0]++;
  }

  private static List<String> dotTokens(String text) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (text.startsWith("//", i)) {
        i = text.indexOf('\n', i) < 0 ? text.length() : text.indexOf('\n', i);
      } else if (c == '"') {
        int j = i + 1;
        while (text.charAt(j) != '"') {
          if (text.charAt(j) == '\n') {
            throw new IllegalArgumentException("newline in a DOT string");
          }
          j += text.charAt(j) == '\\' ? 2 : 1;
        }
        tokens.add(text.substring(i, j + 1));
        i = j + 1;
      } else if (text.startsWith("->", i)) {
        tokens.add("->");
        i += 2;
      } else if ("{}[]=,;".indexOf(c) >= 0) {
        tokens.add(String.valueOf(c));
        i++;
      } else {
        int j = i;
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_' || text.charAt(j) == '.')) {
          j++;
        }
        if (j == i) {
          throw new IllegalArgumentException("unexpected character '" + c + "' in DOT");
        }
        tokens.add(text.substring(i, j));
        i = j;
      }
    }
    return tokens;
  }

  // ---- Mermaid ----

  private static final Pattern NODE = Pattern.compile("  (n\\d+)(?:\\[\"([^\"]*)\"\\]|\\(\\[\"([^\"]*)\"\\]\\))");
  private static final Pattern EDGE = Pattern.compile("  (n\\d+) -->\\|\"([^\"]*)\"\\| (n\\d+)");
  private static final Pattern LINK_STYLE = Pattern.compile("  linkStyle (\\d+(?:,\\d+)*) [a-z-]+:[^ ;]+(?:,[a-z-]+:[^ ;,]+)*");

  /** Every line is a comment, the {@code flowchart LR} header, a node, an edge or a linkStyle. */
  static Parsed mermaid(String text) {
    Map<String, String> nodes = new LinkedHashMap<>();
    List<Edge> edges = new ArrayList<>();
    Set<Integer> problems = new LinkedHashSet<>();
    boolean header = false;
    for (String line : text.lines().toList()) {
      Matcher m;
      if (line.startsWith("%%")) {
        if (header) {
          throw new IllegalArgumentException("comment after the header is fine in Mermaid but not written: " + line);
        }
      } else if (line.equals("flowchart LR")) {
        header = true;
      } else if (!header) {
        throw new IllegalArgumentException("content before the flowchart header: " + line);
      } else if ((m = NODE.matcher(line)).matches()) {
        nodes.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
      } else if ((m = EDGE.matcher(line)).matches()) {
        if (!nodes.containsKey(m.group(1)) || !nodes.containsKey(m.group(3))) {
          throw new IllegalArgumentException("edge with an undeclared node: " + line);
        }
        edges.add(new Edge(m.group(1), m.group(3), m.group(2)));
      } else if ((m = LINK_STYLE.matcher(line)).matches()) {
        for (String index : m.group(1).split(",")) {
          int n = Integer.parseInt(index);
          if (n >= edges.size()) {
            throw new IllegalArgumentException("linkStyle index " + n + " beyond the " + edges.size() + " edges");
          }
          problems.add(n);
        }
      } else {
        throw new IllegalArgumentException("not Mermaid flowchart syntax the writer uses: " + line);
      }
    }
    if (!header) {
      throw new IllegalArgumentException("no flowchart header");
    }
    return new Parsed(nodes, edges, problems);
  }
}
