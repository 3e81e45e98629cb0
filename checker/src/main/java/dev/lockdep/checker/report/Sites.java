package dev.lockdep.checker.report;

import dev.lockdep.lockgraph.Provenance;

/** How the outputs name a source position. */
final class Sites {
  private Sites() {}

  /** {@code Pool.java:42}: the label of an edge, the reference to another site. */
  static String fileLine(Provenance at) {
    String file = at.file();
    return file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1) + ":" + at.line();
  }

  /** {@code " via A.f() -> B.g()"}: the calls that led to a fact, or nothing when it is direct. */
  static String via(Provenance at) {
    return at.callChain().isEmpty() ? "" : " via " + String.join(" -> ", at.callChain());
  }

  /** {@code " in Pool.evict()"}, or nothing when the method is unknown. */
  static String in(Provenance at) {
    return at.method().isEmpty() ? "" : " in " + at.method();
  }
}
