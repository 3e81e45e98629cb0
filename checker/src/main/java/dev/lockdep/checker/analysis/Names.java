package dev.lockdep.checker.analysis;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/** How reports name methods and classes: {@code Pool.evict(long)}, {@code Pool.Entry}. */
final class Names {
  private Names() {}

  /** The name of the body at {@code path}: a method, a lambda in one, or an initializer. */
  static String bodyName(Trees trees, TreePath path) {
    Tree leaf = path.getLeaf();
    if (leaf instanceof MethodTree && trees.getElement(path) instanceof ExecutableElement method) {
      return method(method);
    }
    if (leaf instanceof LambdaExpressionTree) {
      TreePath enclosing = enclosingBody(path.getParentPath());
      return "lambda in " + (enclosing == null ? "?" : bodyName(trees, enclosing));
    }
    if (leaf instanceof BlockTree block && trees.getElement(path.getParentPath()) instanceof TypeElement owner) {
      return type(owner) + (block.isStatic() ? ".<clinit>()" : ".<init>()");
    }
    if (leaf instanceof VariableTree && trees.getElement(path.getParentPath()) instanceof TypeElement owner) {
      // A field initializer runs as its class's initialization does.
      return type(owner) + (ClassInitializations.isStatic(trees, path) ? ".<clinit>()" : ".<init>()");
    }
    TreePath enclosing = enclosingBody(path.getParentPath());
    return enclosing == null ? "?" : bodyName(trees, enclosing);
  }

  private static TreePath enclosingBody(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree
          || leaf instanceof LambdaExpressionTree
          || leaf instanceof BlockTree && p.getParentPath() != null && p.getParentPath().getLeaf() instanceof ClassTree) {
        return p;
      }
      if (leaf instanceof ClassTree) {
        return null;
      }
    }
    return null;
  }

  static String method(ExecutableElement method) {
    String owner = method.getEnclosingElement() instanceof TypeElement type ? type(type) : "?";
    StringBuilder name = new StringBuilder(owner).append('.').append(method.getSimpleName().toString()).append('(');
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      if (i > 0) {
        name.append(", ");
      }
      name.append(simple(parameters.get(i).asType()));
    }
    return name.append(')').toString();
  }

  /** Simple names from the outermost class in: {@code Pool.Entry}; anonymous classes by supertype. */
  static String type(TypeElement type) {
    String own =
        type.getSimpleName().isEmpty()
            ? "<anonymous " + anonymousSupertype(type) + ">"
            : type.getSimpleName().toString();
    Element enclosing = type.getEnclosingElement();
    while (enclosing != null && !(enclosing instanceof TypeElement)) {
      enclosing = enclosing.getEnclosingElement();
    }
    return enclosing instanceof TypeElement outer ? type(outer) + "." + own : own;
  }

  private static String anonymousSupertype(TypeElement type) {
    if (!type.getInterfaces().isEmpty()) {
      return simple(type.getInterfaces().get(0));
    }
    return simple(type.getSuperclass());
  }

  private static String simple(TypeMirror type) {
    if (type instanceof DeclaredType declared) {
      return declared.asElement().getSimpleName().toString();
    }
    return type.toString();
  }
}
