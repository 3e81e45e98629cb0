package dev.lockdep.checker;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import javax.tools.Diagnostic;

/**
 * Prints diagnostics at source positions through the public {@link Trees} API. Facts carry lines
 * and columns, not trees; the tree to report on is found again from the position when a finding
 * is printed, which happens rarely.
 */
final class SourceReporter {
  private final Trees trees;

  SourceReporter(Trees trees) {
    this.trees = trees;
  }

  void error(CompilationUnitTree unit, Tree at, String message) {
    trees.printMessage(Diagnostic.Kind.ERROR, message, at, unit);
  }

  /** Prints {@code message} at {@code line:column} (1-based) of {@code unit}. */
  void print(Diagnostic.Kind kind, CompilationUnitTree unit, long line, long column, String message) {
    trees.printMessage(kind, message, TreeAtPosition.find(trees, unit, line, column), unit);
  }
}
