package dev.lockdep.checker.analysis;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.lockdep.lockgraph.program.MethodSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.TypeKind;

/**
 * The {@link MethodSummary#guard guards} of a statement: the boolean parameters of its method
 * that the {@code if} statements around it test, and the value each has where it runs. {@code
 * if (needToLock) lock.lock();} takes the lock only when {@code needToLock} is true, so a caller
 * passing {@code false} does not take it. Read from the syntax: an early {@code return} on the
 * parameter is not a guard, and a parameter the method assigns is none. Also which boolean
 * parameters the flow walk keeps apart on each path ({@link #correlated}).
 */
final class ParameterGuards {
  private ParameterGuards() {}

  /** Whether the method around {@code path} (not a lambda in it) has a parameter of type {@code boolean}. */
  static boolean hasBooleanParameter(TreePath path) {
    for (TreePath up = path; up != null; up = up.getParentPath()) {
      if (up.getLeaf() instanceof LambdaExpressionTree || up.getLeaf() instanceof ClassTree) {
        return false;
      }
      if (up.getLeaf() instanceof MethodTree method) {
        for (VariableTree parameter : method.getParameters()) {
          if (parameter.getType() instanceof PrimitiveTypeTree primitive && primitive.getPrimitiveTypeKind() == TypeKind.BOOLEAN) {
            return true;
          }
        }
        return false;
      }
    }
    return false;
  }

  /** The guards on {@code node}, sorted; empty outside any test of a parameter. */
  static List<String> at(TreePath node, Trees trees, Set<Element> reassigned) {
    List<String> guards = List.of();
    TreePath child = node;
    for (TreePath up = node.getParentPath(); up != null; child = up, up = up.getParentPath()) {
      Tree leaf = up.getLeaf();
      if (leaf instanceof MethodTree method) {
        return guards.isEmpty() || !ownParameters(guards, method) ? List.of() : guards;
      }
      if (leaf instanceof LambdaExpressionTree || leaf instanceof ClassTree) {
        // A lambda's or a local class's body: the tested names are its creator's, not its own.
        return List.of();
      }
      if (leaf instanceof IfTree test && child.getLeaf() != test.getCondition()) {
        guards = add(up, test.getCondition(), child.getLeaf() == test.getThenStatement(), trees, reassigned, guards);
      }
    }
    return List.of();
  }

  /** {@code guards} with what {@code condition} says where it is {@code value}. */
  private static List<String> add(
      TreePath test, ExpressionTree condition, boolean value, Trees trees, Set<Element> reassigned, List<String> guards) {
    switch (condition.getKind()) {
      case PARENTHESIZED:
        return add(test, ((ParenthesizedTree) condition).getExpression(), value, trees, reassigned, guards);
      case LOGICAL_COMPLEMENT:
        return add(test, ((UnaryTree) condition).getExpression(), !value, trees, reassigned, guards);
      case CONDITIONAL_AND:
      case CONDITIONAL_OR:
        // Where `a && b` holds both do; where `a || b` fails both do; the other sides say nothing of each.
        if (value == (condition.getKind() == Tree.Kind.CONDITIONAL_AND)) {
          BinaryTree both = (BinaryTree) condition;
          guards = add(test, both.getLeftOperand(), value, trees, reassigned, guards);
          return add(test, both.getRightOperand(), value, trees, reassigned, guards);
        }
        return guards;
      case IDENTIFIER:
        Element element = trees.getElement(new TreePath(test, condition));
        if (element == null || element.getKind() != ElementKind.PARAMETER
            || element.asType().getKind() != TypeKind.BOOLEAN || reassigned.contains(element)) {
          return guards;
        }
        String guard = MethodSummary.guard(LockClassKeys.localName(element.getSimpleName()), value);
        if (guards.contains(guard)) {
          return guards;
        }
        List<String> more = new ArrayList<>(guards);
        more.add(guard);
        more.sort(null);
        return more;
      default:
        return guards;
    }
  }

  /**
   * The boolean parameters of the method around {@code path} whose tests the flow walk should
   * correlate: those tested twice or more in a method that releases a lock ({@code if (needToLock)
   * lock.lock(); ... if (needToLock) lock.unlock();}). Correlating every boolean parameter would
   * keep apart paths that never need to be, at a cost in every method that tests one.
   */
  static Set<Element> correlated(TreePath path, Trees trees) {
    TreePath method = path;
    while (method != null && !(method.getLeaf() instanceof MethodTree)) {
      method = method.getParentPath();
    }
    if (method == null || ((MethodTree) method.getLeaf()).getBody() == null
        || CallHolds.LockCalls.of(((MethodTree) method.getLeaf()).getBody()).releases() == 0) {
      return Set.of();
    }
    Map<Element, Integer> tests = new HashMap<>();
    TreePath declaration = method;
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIf(IfTree node, Void unused) {
        count(new TreePath(getCurrentPath(), node.getCondition()));
        return super.visitIf(node, null);
      }

      private void count(TreePath condition) {
        new TreePathScanner<Void, Void>() {
          @Override
          public Void visitIdentifier(IdentifierTree node, Void unused) {
            Element element = trees.getElement(getCurrentPath());
            if (element != null && element.getKind() == ElementKind.PARAMETER
                && element.asType().getKind() == TypeKind.BOOLEAN) {
              tests.merge(element, 1, Integer::sum);
            }
            return null;
          }
        }.scan(condition, null);
      }
    }.scan(new TreePath(declaration, ((MethodTree) declaration.getLeaf()).getBody()), null);
    Set<Element> correlated = new HashSet<>();
    tests.forEach((parameter, count) -> {
      if (count > 1) {
        correlated.add(parameter);
      }
    });
    return correlated;
  }

  /** Whether every guarded parameter is one of {@code method}'s, not an enclosing method's. */
  private static boolean ownParameters(List<String> guards, MethodTree method) {
    for (String guard : guards) {
      String name = MethodSummary.guarded(guard).substring(LockClassKeys.LOCAL.length());
      if (method.getParameters().stream().noneMatch(p -> p.getName().contentEquals(name))) {
        return false;
      }
    }
    return true;
  }
}
