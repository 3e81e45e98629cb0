package dev.lockdep.checker.analysis;

import dev.lockdep.lockgraph.program.MethodSummary;
import dev.lockdep.lockgraph.program.ProgramUnit;
import dev.lockdep.lockgraph.program.TypeDecl;
import dev.lockdep.lockgraph.Provenance;
import java.util.List;

/**
 * Everything the front end learnt from one compilation unit: names and positions only.
 *
 * @param file the unit's source key ({@code com/acme/Pool.java})
 * @param methods the summary of every method, lambda and initializer, in source order
 * @param types every class and interface the unit declares, in source order
 * @param findings problems decided within the unit, in source order
 * @param internalErrors methods whose analysis failed, with the reason
 */
public record UnitSummary(
    String file,
    List<MethodSummary> methods,
    List<TypeDecl> types,
    List<LocalFinding> findings,
    List<InternalError> internalErrors) {

  public UnitSummary {
    methods = List.copyOf(methods);
    types = List.copyOf(types);
    findings = List.copyOf(findings);
    internalErrors = List.copyOf(internalErrors);
  }

  /**
   * The analysis of a method failed; the rest of the unit was analysed.
   *
   * @param at the method's declaration
   * @param message {@code internal error analysing Foo.bar(): reason}
   */
  /** The summaries alone: what composes with other units and goes into facts files. */
  public ProgramUnit program() {
    return new ProgramUnit(file, methods, types);
  }

  public record InternalError(Provenance at, String message) {}
}
