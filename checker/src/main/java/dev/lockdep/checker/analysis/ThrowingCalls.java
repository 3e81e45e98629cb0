package dev.lockdep.checker.analysis;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Which calls may throw into the {@code catch} and {@code finally} blocks of the {@code try} around
 * them. A call that cannot throw is no way out of a {@code try} body: in
 * {@code try { getLock().lock(); ... } finally { getLock().unlock(); }} no path reaches the
 * {@code finally} block before the lock is taken. A call is taken not to throw when it is
 * <ul>
 *   <li>a method of {@code java.util.concurrent.locks} ({@link LockOperations#isLockAccessor});
 *   <li>a method of this compilation unit whose body is one {@code return} of a literal,
 *       {@code this}, a parameter or a field ({@code x}, {@code this.x}, {@code Outer.this.x},
 *       {@code Type.X}): a getter;
 *   <li>a method whose body the unit does not have and that returns a lock ({@code Lock},
 *       {@code ReadWriteLock}, {@code StampedLock}, {@code Semaphore}): where the code gets the lock
 *       it is about to take, a getter or a lookup ({@code locks.lockFor(key)});
 *   <li>one of the JDK's calls that cannot throw: {@code Thread.currentThread()},
 *       {@code System.nanoTime()}, {@code System.currentTimeMillis()}, and the methods without
 *       arguments of the {@code java.util.concurrent.atomic} classes.
 * </ul>
 * A method of the unit is judged by its body alone, so that {@code checkState(); return lock;}
 * still may throw. The rule reads no other unit's body: compiling a subset of the files gives the
 * same answers.
 */
final class ThrowingCalls {
  private final UnitContext unit;
  private final Trees trees;
  private final Elements elements;
  private final LockTypes lockTypes;

  ThrowingCalls(UnitContext unit, Elements elements, LockTypes lockTypes) {
    this.unit = unit;
    this.trees = unit.trees();
    this.elements = elements;
    this.lockTypes = lockTypes;
  }

  /** Whether the call at {@code call}, of {@code callee}, may throw. */
  boolean mayThrow(TreePath call, ExecutableElement callee, UnitContext.Callee facts) {
    if (facts.lockAccessor()) {
      return false;
    }
    TreePath declaration = unit.declarationWithBody(callee);
    if (declaration != null) {
      return !isGetter(declaration);
    }
    return !(isLock(trees.getTypeMirror(call)) || cannotThrow(callee));
  }

  /** A lock object's type: what the analysis can take or release. */
  boolean isLock(TypeMirror type) {
    return lockTypes.isLock(type)
        || lockTypes.isReadWriteLock(type)
        || lockTypes.isStampedLock(type)
        || lockTypes.isSemaphore(type);
  }

  private boolean isGetter(TreePath declaration) {
    MethodTree method = (MethodTree) declaration.getLeaf();
    List<? extends StatementTree> statements = method.getBody().getStatements();
    if (statements.size() != 1 || !(statements.get(0) instanceof ReturnTree ret) || ret.getExpression() == null) {
      return false;
    }
    TreePath body = new TreePath(declaration, method.getBody());
    return isPlainValue(new TreePath(new TreePath(body, ret), ret.getExpression()));
  }

  /** A literal, {@code this}, a parameter, or a field read through nothing that can be null. */
  private boolean isPlainValue(TreePath path) {
    Tree leaf = path.getLeaf();
    if (leaf instanceof ParenthesizedTree parenthesized) {
      return isPlainValue(new TreePath(path, parenthesized.getExpression()));
    }
    if (leaf instanceof IdentifierTree) {
      // In a one-statement body a name is a parameter, a field, this, or a constant.
      return true;
    }
    if (leaf instanceof MemberSelectTree select) {
      Element selected = trees.getElement(path);
      return selected != null
          && selected.getKind() == ElementKind.FIELD
          && namesNoObject(new TreePath(path, select.getExpression()));
    }
    return leaf instanceof LiteralTree;
  }

  /** {@code this}, {@code Outer.this}, or a type: a qualifier that cannot be null. */
  private boolean namesNoObject(TreePath qualifier) {
    ExpressionTree expression = (ExpressionTree) qualifier.getLeaf();
    if (expression instanceof IdentifierTree id && id.getName().contentEquals("this")) {
      return true;
    }
    if (expression instanceof MemberSelectTree select && select.getIdentifier().contentEquals("this")) {
      return true;
    }
    return trees.getElement(qualifier) instanceof TypeElement;
  }

  private boolean cannotThrow(ExecutableElement callee) {
    if (!(callee.getEnclosingElement() instanceof TypeElement owner)) {
      return false;
    }
    String name = callee.getSimpleName().toString();
    String type = owner.getQualifiedName().toString();
    return switch (type) {
      case "java.lang.Thread" -> name.equals("currentThread");
      case "java.lang.System" -> name.equals("nanoTime") || name.equals("currentTimeMillis");
      default ->
          callee.getParameters().isEmpty()
              && elements.getPackageOf(owner).getQualifiedName().contentEquals("java.util.concurrent.atomic");
    };
  }
}
