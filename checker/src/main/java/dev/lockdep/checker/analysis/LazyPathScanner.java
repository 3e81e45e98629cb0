package dev.lockdep.checker.analysis;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import java.util.Arrays;

/**
 * A {@link TreeScanner} that can tell the path to the node it visits, building it only when asked:
 * {@code TreePathScanner} allocates a path for every node walked, and a walk that looks for bodies
 * and declarations, or for the calls of an expression, needs one for few of them.
 */
abstract class LazyPathScanner extends TreeScanner<Void, Void> {
  /** The nodes from the unit down to the one visited. */
  private Tree[] trees = new Tree[8];
  /** The path to each of {@link #trees}, or null where none was asked for yet. */
  private TreePath[] paths = new TreePath[8];
  private int depth;

  /** Walks the tree at {@code root}. */
  final void scan(TreePath root) {
    trees[0] = root.getLeaf();
    paths[0] = root;
    depth = 1;
    try {
      root.getLeaf().accept(this, null);
    } finally {
      depth = 0;
    }
  }

  @Override
  public final Void scan(Tree tree, Void unused) {
    if (tree == null) {
      return null;
    }
    if (depth == trees.length) {
      trees = Arrays.copyOf(trees, depth * 2);
      paths = Arrays.copyOf(paths, depth * 2);
    }
    trees[depth] = tree;
    paths[depth] = null;
    depth++;
    try {
      return tree.accept(this, null);
    } finally {
      depth--;
    }
  }

  /** The node enclosing the one visited. */
  final Tree parent() {
    return trees[depth - 2];
  }

  /** The path to the node visited. */
  final TreePath currentPath() {
    int known = depth - 1;
    while (paths[known] == null) {
      known--;
    }
    for (int i = known + 1; i < depth; i++) {
      paths[i] = new TreePath(paths[i - 1], trees[i]);
    }
    return paths[depth - 1];
  }
}
