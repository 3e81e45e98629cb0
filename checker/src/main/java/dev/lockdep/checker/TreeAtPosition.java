package dev.lockdep.checker;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;

/**
 * Finds the tree to attach a diagnostic to from a line and column. Facts carry positions, not
 * trees; the tree is looked up again only when a finding is printed, which happens rarely.
 */
public final class TreeAtPosition {
  private TreeAtPosition() {}

  /** The innermost tree that starts at {@code line:column} (1-based), or the innermost one enclosing it. */
  public static Tree find(Trees trees, CompilationUnitTree unit, long line, long column) {
    SourcePositions positions = trees.getSourcePositions();
    long position = unit.getLineMap().getPosition(line, column);
    Tree[] best = {unit};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree == null) {
          return null;
        }
        long start = positions.getStartPosition(unit, tree);
        long end = positions.getEndPosition(unit, tree);
        if (start <= position && position < Math.max(end, start + 1)) {
          best[0] = tree;
          return super.scan(tree, unused);
        }
        return null;
      }
    }.scan(unit, null);
    return best[0];
  }
}
