package dev.lockdep.checker.analysis;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
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
 * The private fields that are one object for the life of their object although not {@code final}:
 * assigned only while it is constructed, in its class's constructors, instance initializers and
 * field initializers. Such a field names one object as a {@code final} one does (a lock field
 * created in the constructor, say). Only a private field can be decided: every assignment to it is
 * in its top-level class, scanned once per compilation unit.
 */
final class ConstructedFields {
  private final Trees trees;
  /** Per compilation unit, the private fields assigned outside construction. */
  private final Map<CompilationUnitTree, Set<Element>> assignedLater = new HashMap<>();

  ConstructedFields(Trees trees) {
    this.trees = trees;
  }

  /** Whether {@code field}, declared at {@code declaration}, is assigned only while its object is constructed. */
  boolean constructionOnly(VariableElement field, TreePath declaration) {
    if (declaration == null
        || !field.getModifiers().contains(Modifier.PRIVATE)
        || field.getModifiers().contains(Modifier.STATIC)) {
      return false;
    }
    CompilationUnitTree unit = declaration.getCompilationUnit();
    return !assignedLater.computeIfAbsent(unit, this::scan).contains(field);
  }

  private Set<Element> scan(CompilationUnitTree unit) {
    Set<Element> later = new HashSet<>();
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
        note(node.getVariable(), constructing);
        return super.visitAssignment(node, constructing);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree node, TypeElement constructing) {
        note(node.getVariable(), constructing);
        return super.visitCompoundAssignment(node, constructing);
      }

      @Override
      public Void visitUnary(UnaryTree node, TypeElement constructing) {
        switch (node.getKind()) {
          case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT ->
              note(node.getExpression(), constructing);
          default -> { }
        }
        return super.visitUnary(node, constructing);
      }

      private void note(ExpressionTree variable, TypeElement constructing) {
        Element assigned = trees.getElement(new TreePath(getCurrentPath(), variable));
        if (assigned != null && assigned.getKind() == ElementKind.FIELD && !assigned.getEnclosingElement().equals(constructing)) {
          later.add(assigned);
        }
      }
    }.scan(new TreePath(unit), null);
    return later;
  }
}
