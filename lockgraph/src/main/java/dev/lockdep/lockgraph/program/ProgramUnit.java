package dev.lockdep.lockgraph.program;

import java.util.List;
import java.util.Objects;

/**
 * The summaries of one compilation unit: the unit of merging across compilations.
 *
 * @param file the unit's source key ({@code com/acme/Pool.java}), also its name in the lock graph
 * @param methods the summary of every method, lambda and initializer, in source order
 * @param types every class and interface the unit declares, in source order
 */
public record ProgramUnit(String file, List<MethodSummary> methods, List<TypeDecl> types) {
  public ProgramUnit {
    Objects.requireNonNull(file);
    methods = List.copyOf(methods);
    types = List.copyOf(types);
  }

  /** A unit that declares no type: its bodies dispatch through the types of other units. */
  public ProgramUnit(String file, List<MethodSummary> methods) {
    this(file, methods, List.of());
  }

  /** The package of the unit's file, dotted: {@code com.acme}; {@code ""} for the unnamed package. */
  public String packageName() {
    int slash = file.lastIndexOf('/');
    return slash < 0 ? "" : file.substring(0, slash).replace('/', '.');
  }
}
