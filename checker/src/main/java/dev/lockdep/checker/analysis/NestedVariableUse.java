package dev.lockdep.checker.analysis;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * How a {@code @Nested} parameter or local is locked in its body. The subclass applies to the lock
 * the variable itself denotes ({@code synchronized (child)}); a lock reached through it
 * ({@code synchronized (child.lock)}, {@code child.getLock().lock()}) is another object with its
 * own class and keeps its own subclass. A {@code @Nested} variable that is only locked that way
 * has no effect, which the user must be told rather than have the nesting silently ignored.
 */
final class NestedVariableUse {
  private final UnitContext context;

  NestedVariableUse(UnitContext context) {
    this.context = context;
  }

  /**
   * An acquisition, in the body that declares {@code variable} at {@code declaration}, of a lock
   * reached through it, when no acquisition locks the variable itself; else empty.
   */
  Optional<TreePath> onlyLockedThrough(TreePath declaration, VariableElement variable) {
    TreePath body = enclosingBody(declaration);
    if (body == null) {
      return Optional.empty();
    }
    TreePath[] through = {null};
    boolean[] itself = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitSynchronized(SynchronizedTree node, Void unused) {
        classify(new TreePath(getCurrentPath(), node.getExpression()));
        return super.visitSynchronized(node, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        TreePath receiver = LockClassKeys.receiver(getCurrentPath());
        if (receiver != null && acquires(getCurrentPath())) {
          classify(receiver);
        }
        return super.visitMethodInvocation(node, null);
      }

      private void classify(TreePath lock) {
        TreePath expression = strip(lock);
        if (isVariable(expression, variable)) {
          itself[0] = true;
        } else if (through[0] == null && rootedAt(expression, variable)) {
          through[0] = expression;
        }
      }
    }.scan(body, null);
    return itself[0] ? Optional.empty() : Optional.ofNullable(through[0]);
  }

  private boolean acquires(TreePath call) {
    if (!(context.trees().getElement(call) instanceof ExecutableElement method)) {
      return false;
    }
    return context.operations().classify(call, method, LocalScope.NONE, 0)
        .map(op -> op.kind() == LockOperation.Kind.ACQUIRE || op.kind() == LockOperation.Kind.TRY_ACQUIRE)
        .orElse(false);
  }

  /** The method or lambda whose body declares the variable; null outside any. */
  private static TreePath enclosingBody(TreePath declaration) {
    for (TreePath p = declaration.getParentPath(); p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree || p.getLeaf() instanceof LambdaExpressionTree) {
        return p;
      }
    }
    return null;
  }

  private static TreePath strip(TreePath path) {
    TreePath p = path;
    while (p.getLeaf() instanceof ParenthesizedTree || p.getLeaf() instanceof TypeCastTree) {
      Tree inner =
          p.getLeaf() instanceof ParenthesizedTree parenthesized
              ? parenthesized.getExpression()
              : ((TypeCastTree) p.getLeaf()).getExpression();
      p = new TreePath(p, inner);
    }
    return p;
  }

  private boolean isVariable(TreePath path, VariableElement variable) {
    return path.getLeaf() instanceof IdentifierTree && variable.equals(context.trees().getElement(path));
  }

  /** Whether the expression reads a field or calls a method of {@code variable}: {@code v.f}, {@code v.get().f}. */
  private boolean rootedAt(TreePath path, VariableElement variable) {
    TreePath p = path;
    while (true) {
      Tree leaf = p.getLeaf();
      ExpressionTree inner;
      if (leaf instanceof MemberSelectTree select) {
        inner = select.getExpression();
      } else if (leaf instanceof MethodInvocationTree invocation && invocation.getMethodSelect() instanceof MemberSelectTree select) {
        inner = select.getExpression();
      } else {
        return p != path && isVariable(p, variable);
      }
      p = strip(new TreePath(p, inner));
    }
  }
}
