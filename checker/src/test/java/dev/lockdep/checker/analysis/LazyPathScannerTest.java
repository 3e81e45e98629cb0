package dev.lockdep.checker.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The paths a {@link LazyPathScanner} builds are those {@code TreePathScanner} would have given. */
class LazyPathScannerTest {
  // Nested deeper than the scanner's first stack, so that it grows while paths are kept.
  private static final String SOURCE =
      """
      package p;
      class Deep {
        int f(int a) {
          return ((((((((((a + 1) * 2) - 3) / 4) + 5) * 6) - 7) / 8) + 9) * 10) + g(a, () -> a + 1);
        }
        int g(int a, java.util.function.IntSupplier s) {
          if (a > 0) { synchronized (this) { return s.getAsInt(); } }
          return new Object() { int h() { return a; } }.h();
        }
      }
      """;

  @Test
  void everyNodeHasThePathTreePathScannerGives() throws Exception {
    JavacTask task = FrontEnd.task(Map.of("p/Deep.java", SOURCE), null);
    CompilationUnitTree unit = task.parse().iterator().next();
    List<List<Tree>> expected = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree != null) {
          expected.add(leaves(new TreePath(getCurrentPath(), tree)));
        }
        return super.scan(tree, null);
      }
    }.scan(new TreePath(unit), null);
    List<List<Tree>> actual = new ArrayList<>();
    new LazyPathScanner() {
      @Override
      public Void visitBinary(BinaryTree node, Void unused) {
        List<Tree> before = leaves(currentPath());
        actual.add(before);
        super.visitBinary(node, null);
        assertEquals(before, leaves(currentPath()), "the path of a node once its operands were walked");
        return null;
      }

      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        actual.add(leaves(currentPath()));
        return null;
      }
    }.scan(new TreePath(unit));
    List<List<Tree>> expectedVisited = new ArrayList<>();
    for (List<Tree> path : expected) {
      if (path.get(0) instanceof IdentifierTree || path.get(0) instanceof BinaryTree) {
        expectedVisited.add(path);
      }
    }
    assertEquals(expectedVisited, actual);
  }

  /** The leaves of {@code path}, innermost first. */
  private static List<Tree> leaves(TreePath path) {
    List<Tree> leaves = new ArrayList<>();
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      leaves.add(p.getLeaf());
    }
    return leaves;
  }
}
