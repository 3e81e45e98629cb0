package dev.lockdep.lockgraph;

import java.util.List;
import java.util.Objects;

/**
 * Where a fact comes from: the source position of an acquisition (or irq enable) and the chain of
 * calls, outermost first, through which the analysis reached it. The total order makes every
 * choice of "the" provenance of a merged fact independent of merge order.
 *
 * @param file source path as the front end names it
 * @param line 1-based line, 0 if unknown
 * @param column 1-based column, 0 if unknown
 * @param method the enclosing method as printed in reports, e.g. {@code Pool.evict()}
 * @param callChain the calls leading to the fact, outermost first; empty when direct
 */
public record Provenance(String file, int line, int column, String method, List<String> callChain)
    implements Comparable<Provenance> {

  public Provenance {
    Objects.requireNonNull(file);
    Objects.requireNonNull(method);
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("negative position " + line + ":" + column + " in " + file);
    }
    callChain = List.copyOf(callChain);
  }

  public static Provenance of(String file, int line, String method) {
    return new Provenance(file, line, 0, method, List.of());
  }

  /** The same position reached through {@code chain}. */
  public Provenance withCallChain(List<String> chain) {
    return new Provenance(file, line, column, method, chain);
  }

  /** Whether the two name the same source position, whatever the call chain. */
  public boolean samePosition(Provenance other) {
    return file.equals(other.file) && line == other.line && column == other.column;
  }

  /** By file, line, column, method, then call chain element by element. */
  @Override
  public int compareTo(Provenance other) {
    int c = file.compareTo(other.file);
    if (c == 0) {
      c = Integer.compare(line, other.line);
    }
    if (c == 0) {
      c = Integer.compare(column, other.column);
    }
    if (c == 0) {
      c = method.compareTo(other.method);
    }
    return c != 0 ? c : compareChains(callChain, other.callChain);
  }

  private static int compareChains(List<String> a, List<String> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** {@code Pool.java:42 in Pool.evict()}: the file's last path segment, line and method. */
  @Override
  public String toString() {
    String shortFile = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
    return method.isEmpty() ? shortFile + ":" + line : shortFile + ":" + line + " in " + method;
  }
}
