package dev.lockdep.checker.analysis;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreeScanner;
import java.util.function.Consumer;

/**
 * The variables a tree writes: the targets of its assignments, compound assignments, increments
 * and decrements, lambdas and nested classes included. Which of them matter (locals reassigned,
 * fields a body sets) is the caller's question.
 */
final class AssignmentTargets {
  private AssignmentTargets() {}

  static void scan(Tree tree, Consumer<ExpressionTree> target) {
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree node, Void unused) {
        target.accept(node.getVariable());
        return super.visitAssignment(node, null);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
        target.accept(node.getVariable());
        return super.visitCompoundAssignment(node, null);
      }

      @Override
      public Void visitUnary(UnaryTree node, Void unused) {
        switch (node.getKind()) {
          case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT ->
              target.accept(node.getExpression());
          default -> { }
        }
        return super.visitUnary(node, null);
      }
    }.scan(tree, null);
  }
}
