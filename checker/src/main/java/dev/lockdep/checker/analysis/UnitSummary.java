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
 * @param notes what the analysis of a body left out, said once each: a body past the analysis budget
 */
public record UnitSummary(
    String file,
    List<MethodSummary> methods,
    List<TypeDecl> types,
    List<LocalFinding> findings,
    List<InternalError> internalErrors,
    List<Note> notes) {

  public UnitSummary {
    methods = List.copyOf(methods);
    types = List.copyOf(types);
    findings = List.copyOf(findings);
    internalErrors = List.copyOf(internalErrors);
    notes = List.copyOf(notes);
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

  /** Something the analysis of a body left out, at the body's declaration. */
  public record Note(Provenance at, String message) {}
}
