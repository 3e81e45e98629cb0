package dev.lockdep.checker.analysis;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.lockdep.lockgraph.CheckKind;
import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.Provenance;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * {@code LockdepAnnotationMisuse}: LockdepCheck's annotations where they cannot mean anything, with
 * values out of range, or naming locks that do not exist. A misused annotation would otherwise be
 * ignored and hide the problem it was written to describe.
 */
final class AnnotationMisuseScanner extends TreePathScanner<Void, Void> {
  private final UnitContext context;

  AnnotationMisuseScanner(UnitContext context) {
    this.context = context;
  }

  @Override
  public Void visitVariable(VariableTree node, Void unused) {
    Element element = context.trees().getElement(getCurrentPath());
    if (element != null) {
      checkNested(element, node.getModifiers());
      if (element.asType().getKind().isPrimitive()) {
        for (String annotation : List.of(LockAnnotations.LOCK_CLASS, LockAnnotations.NESTED)) {
          annotationTree(node.getModifiers(), annotation)
              .ifPresent(
                  tree ->
                      misuse(
                          tree,
                          element,
                          "@" + simpleName(annotation) + " on `" + element.getSimpleName() + "` of primitive type "
                              + element.asType() + ": only an object can be a lock"));
        }
      }
    }
    return super.visitVariable(node, null);
  }

  @Override
  public Void visitMethod(MethodTree node, Void unused) {
    if (context.trees().getElement(getCurrentPath()) instanceof ExecutableElement method) {
      checkNested(method, node.getModifiers());
      Optional<AnnotationMirror> acquires = LockAnnotations.find(method, LockAnnotations.ACQUIRES);
      Optional<AnnotationMirror> releases = LockAnnotations.find(method, LockAnnotations.RELEASES);
      checkGuards(node, method, LockAnnotations.ACQUIRES, acquires);
      checkGuards(node, method, LockAnnotations.RELEASES, releases);
      if (acquires.isPresent() && releases.isPresent()) {
        for (String name : LockOperations.guardNames(acquires.get())) {
          if (LockOperations.guardNames(releases.get()).contains(name)) {
            annotationTree(node.getModifiers(), LockAnnotations.RELEASES)
                .ifPresent(tree -> misuse(tree, method, "`" + Names.method(method) + "` both @Acquires and @Releases `" + name + "`"));
          }
        }
      }
    }
    return super.visitMethod(node, null);
  }

  private void checkNested(Element element, ModifiersTree modifiers) {
    Integer subclass = LockClassKeys.writtenNested(element);
    if (subclass != null && (subclass < 0 || subclass >= LockClass.MAX_SUBCLASSES)) {
      annotationTree(modifiers, LockAnnotations.NESTED)
          .ifPresent(
              tree ->
                  misuse(
                      tree,
                      element,
                      "@Nested(" + subclass + ") on `" + element.getSimpleName() + "`: a subclass is 0 to "
                          + (LockClass.MAX_SUBCLASSES - 1) + " (lockdep's MAX_LOCKDEP_SUBCLASSES is "
                          + LockClass.MAX_SUBCLASSES + ")"));
    }
  }

  private void checkGuards(MethodTree node, ExecutableElement method, String annotation, Optional<AnnotationMirror> mirror) {
    if (mirror.isEmpty()) {
      return;
    }
    for (String guard : LockOperations.guardNames(mirror.get())) {
      if (!resolves(guard, method)) {
        annotationTree(node.getModifiers(), annotation)
            .ifPresent(
                tree ->
                    misuse(
                        tree,
                        method,
                        "@" + simpleName(annotation) + " names `" + guard + "`, which is not `this`, a parameter or a field of "
                            + Names.type((TypeElement) method.getEnclosingElement())));
      }
    }
  }

  private boolean resolves(String guard, ExecutableElement method) {
    if (guard.equals("this") || guard.endsWith(".this")) {
      return true;
    }
    for (VariableElement parameter : method.getParameters()) {
      if (parameter.getSimpleName().contentEquals(guard)) {
        return true;
      }
    }
    return context.operations().guardField(guard, (TypeElement) method.getEnclosingElement()).isPresent();
  }

  private Optional<AnnotationTree> annotationTree(ModifiersTree modifiers, String qualifiedName) {
    for (AnnotationTree annotation : modifiers.getAnnotations()) {
      Element type = context.trees().getElement(new TreePath(new TreePath(getCurrentPath(), modifiers), annotation.getAnnotationType()));
      if (type instanceof TypeElement t && t.getQualifiedName().contentEquals(qualifiedName)) {
        return Optional.of(annotation);
      }
    }
    return Optional.empty();
  }

  private void misuse(Tree at, Element element, String summary) {
    if (context.suppressed(getCurrentPath()).contains(CheckKind.LockdepAnnotationMisuse)) {
      return;
    }
    Provenance where = context.provenance(at, element.getSimpleName().toString());
    context.report(
        new LocalFinding(
            CheckKind.LockdepAnnotationMisuse,
            where,
            "invalid lockdep annotation",
            summary,
            List.of("see docs/checks/LockdepAnnotationMisuse.md for where each annotation applies")));
  }

  private static String simpleName(String qualifiedName) {
    return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
  }
}
