package dev.lockdep.checker.analysis;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Where fields are assigned, for how long a field names one object.
 *
 * <p>{@link #constructionOnly}: the private fields that are one object for the life of their
 * object although not {@code final}, assigned only while it is constructed, in its class's
 * constructors, instance initializers and field initializers, and else only to {@code null}. Such a field is one object as a
 * {@code final} one is (a lock field created in the constructor, say), which decides its lock
 * class. Only a private field, or a field of a private class, can be decided: every assignment to
 * it is in its top-level class, scanned once per compilation unit. {@link #initializerOnly}: such a
 * field that nothing assigns at all, which holds what its declaration creates.
 *
 * <p>{@link #assignedInBody}: whether the body that reads a field assigns it. Any other field read
 * twice on one receiver in one body names one object, as an access path does in Infer's lock
 * analyses: an object replaced by another thread between two reads in one activity is no pattern a
 * lock order is built on, while a back-pointer or a closable resource nulled in {@code close()} is
 * one object for every activity that finds it set.
 */
final class FieldAssignments {
  private final Trees trees;
  /** Per compilation unit, the fields assigned outside construction, and those assigned anywhere. */
  private final Map<CompilationUnitTree, Assigned> assignedIn = new HashMap<>();
  /** Per body (method, lambda, initializer block), the fields it assigns. */
  private final Map<Tree, Set<Element>> assignedByBody = new HashMap<>();

  FieldAssignments(Trees trees) {
    this.trees = trees;
  }

  /** Whether the body enclosing {@code use} (a method, lambda or initializer block) assigns {@code field}. */
  boolean assignedInBody(VariableElement field, TreePath use) {
    for (TreePath p = use; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree || leaf instanceof LambdaExpressionTree
          || (leaf instanceof BlockTree && p.getParentPath() != null && p.getParentPath().getLeaf() instanceof ClassTree)) {
        TreePath body = p;
        return assignedByBody.computeIfAbsent(leaf, b -> assigned(body)).contains(field);
      }
      if (leaf instanceof ClassTree) {
        return false;
      }
    }
    return false;
  }

  /** The fields assigned in the tree at {@code body}, lambdas and nested classes included. */
  private Set<Element> assigned(TreePath body) {
    Set<Element> fields = new HashSet<>();
    AssignmentTargets.scan(
        body.getLeaf(),
        variable -> {
          // A target resolves by its tree alone, so it is looked up under the body's path.
          Element assigned = trees.getElement(new TreePath(body, variable));
          if (assigned != null && assigned.getKind() == ElementKind.FIELD) {
            fields.add(assigned);
          }
        });
    return fields;
  }

  /** Whether {@code field}, declared at {@code declaration}, is assigned only while its object is constructed. */
  boolean constructionOnly(VariableElement field, TreePath declaration) {
    if (declaration == null || !decidable(field) || field.getModifiers().contains(Modifier.STATIC)) {
      return false;
    }
    CompilationUnitTree unit = declaration.getCompilationUnit();
    return !assignedIn.computeIfAbsent(unit, this::scan).later().contains(field);
  }

  /**
   * Whether {@code field}, declared at {@code declaration}, gets no object but its declaration's
   * initializer: nothing assigns it anything but {@code null}, in construction or after.
   */
  boolean initializerOnly(VariableElement field, TreePath declaration) {
    if (declaration == null || !decidable(field)) {
      return false;
    }
    return !assignedIn.computeIfAbsent(declaration.getCompilationUnit(), this::scan).anywhere().contains(field);
  }

  /**
   * Whether {@code field}, declared at {@code declaration}, is set once: every assignment to it
   * outside its object's construction (for a static field, every assignment) sets it where a test
   * has just found it {@code null} ({@code if (instance == null) instance = new Registry();}), or
   * nulls it. The lazy singleton and the lazily made resource: one object for every read that
   * finds it set, as a field set only in construction is.
   */
  boolean setOnce(VariableElement field, TreePath declaration) {
    if (declaration == null || !decidable(field)) {
      return false;
    }
    Assigned assigned = assignedIn.computeIfAbsent(declaration.getCompilationUnit(), this::scan);
    return assigned.lazily().contains(field) && !assigned.eagerly().contains(field);
  }

  /**
   * Whether {@code condition}, inside any parentheses, is {@code expression == null} or {@code
   * null == expression}, {@code expression} written the same way, or a conjunction with such a
   * test ({@code retry && reconnector == null}): where it holds, the expression is {@code null}.
   */
  static boolean isNullTestOf(ExpressionTree condition, ExpressionTree expression) {
    ExpressionTree test = condition;
    while (test instanceof ParenthesizedTree parenthesized) {
      test = parenthesized.getExpression();
    }
    if (test.getKind() == Tree.Kind.CONDITIONAL_AND) {
      BinaryTree and = (BinaryTree) test;
      return isNullTestOf(and.getLeftOperand(), expression) || isNullTestOf(and.getRightOperand(), expression);
    }
    if (test.getKind() != Tree.Kind.EQUAL_TO) {
      return false;
    }
    BinaryTree equal = (BinaryTree) test;
    ExpressionTree other =
        equal.getRightOperand().getKind() == Tree.Kind.NULL_LITERAL ? equal.getLeftOperand()
            : equal.getLeftOperand().getKind() == Tree.Kind.NULL_LITERAL ? equal.getRightOperand() : null;
    return other != null && other.toString().equals(expression.toString());
  }

  /**
   * Whether every assignment to {@code field} is in its top-level class: it is private, or a
   * class it is declared in is.
   */
  private static boolean decidable(VariableElement field) {
    for (Element e = field; e instanceof VariableElement || e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The fields a unit assigns outside construction ({@code later}), anywhere, where a test has just
   * found them {@code null} ({@code lazily}), and where none has, for a static field anywhere and
   * for another outside construction ({@code eagerly}).
   */
  private record Assigned(Set<Element> later, Set<Element> anywhere, Set<Element> lazily, Set<Element> eagerly) {}

  private Assigned scan(CompilationUnitTree unit) {
    Set<Element> later = new HashSet<>();
    Set<Element> anywhere = new HashSet<>();
    Set<Element> lazily = new HashSet<>();
    Set<Element> eagerly = new HashSet<>();
    new TreePathScanner<Void, TypeElement>() {
      // The parameter: the class whose object the code constructs, or null outside construction.
      @Override
      public Void visitClass(ClassTree node, TypeElement constructing) {
        return super.visitClass(node, null);
      }

      @Override
      public Void visitMethod(MethodTree node, TypeElement constructing) {
        Element method = trees.getElement(getCurrentPath());
        boolean constructor = method != null && method.getKind() == ElementKind.CONSTRUCTOR;
        return super.visitMethod(node, constructor ? (TypeElement) method.getEnclosingElement() : null);
      }

      @Override
      public Void visitBlock(BlockTree node, TypeElement constructing) {
        Tree parent = getCurrentPath().getParentPath().getLeaf();
        if (parent instanceof ClassTree && !node.isStatic()) {
          return super.visitBlock(node, (TypeElement) trees.getElement(getCurrentPath().getParentPath()));
        }
        return super.visitBlock(node, constructing);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, TypeElement constructing) {
        // Runs whenever it is invoked, possibly long after construction.
        return super.visitLambdaExpression(node, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree node, TypeElement constructing) {
        // Nulling a field (a resource dropped in close()) gives it no other object: every
        // activity that finds it set finds what construction put there.
        if (node.getExpression().getKind() != Tree.Kind.NULL_LITERAL) {
          Element assigned = note(node.getVariable(), constructing);
          if (assigned != null && underItsNullTest(node.getVariable())) {
            lazily.add(assigned);
          } else if (assigned != null) {
            noteEager(assigned, constructing);
          }
        }
        return super.visitAssignment(node, constructing);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree node, TypeElement constructing) {
        noteEager(note(node.getVariable(), constructing), constructing);
        return super.visitCompoundAssignment(node, constructing);
      }

      @Override
      public Void visitUnary(UnaryTree node, TypeElement constructing) {
        switch (node.getKind()) {
          case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT ->
              noteEager(note(node.getExpression(), constructing), constructing);
          default -> { }
        }
        return super.visitUnary(node, constructing);
      }

      /** Notes an assignment to {@code variable}; returns the field it assigns, or null. */
      private Element note(ExpressionTree variable, TypeElement constructing) {
        Element assigned = trees.getElement(new TreePath(getCurrentPath(), variable));
        if (assigned == null || assigned.getKind() != ElementKind.FIELD) {
          return null;
        }
        anywhere.add(assigned);
        if (!assigned.getEnclosingElement().equals(constructing)) {
          later.add(assigned);
        }
        return assigned;
      }

      /**
       * Notes an assignment to {@code assigned} (if a field) that no null test guards: for a static
       * field anywhere, for another outside its object's construction.
       */
      private void noteEager(Element assigned, TypeElement constructing) {
        if (assigned != null
            && (assigned.getModifiers().contains(Modifier.STATIC) || !assigned.getEnclosingElement().equals(constructing))) {
          eagerly.add(assigned);
        }
      }

      /**
       * Whether the assignment being visited is in the then-branch of an {@code if} that tests
       * {@code variable == null}, in the same body.
       */
      private boolean underItsNullTest(ExpressionTree variable) {
        Tree child = getCurrentPath().getLeaf();
        for (TreePath p = getCurrentPath().getParentPath(); p != null; p = p.getParentPath()) {
          Tree leaf = p.getLeaf();
          if (leaf instanceof IfTree test && test.getThenStatement() == child && isNullTestOf(test.getCondition(), variable)) {
            return true;
          }
          if (LockClassKeys.isBodyBoundary(leaf)) {
            return false;
          }
          child = leaf;
        }
        return false;
      }
    }.scan(new TreePath(unit), null);
    return new Assigned(later, anywhere, lazily, eagerly);
  }
}
