package dev.lockdep.checker.analysis;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import dev.lockdep.lockgraph.CheckKind;
import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * {@code LockdepAnnotationMisuse}: LockdepCheck's annotations where they cannot mean anything, with
 * values out of range, or naming locks that do not exist. A misused annotation would otherwise be
 * ignored and hide the problem it was written to describe. Every finding names an annotation
 * written on the declaration, so a declaration without annotations needs no check.
 */
final class AnnotationMisuse {
  private final UnitContext context;
  /** The misuses found, in the order the declarations were checked. */
  private final List<LocalFinding> findings = new ArrayList<>();
  private final NestedVariableUse nestedUse;

  AnnotationMisuse(UnitContext context) {
    this.context = context;
    this.nestedUse = new NestedVariableUse(context);
  }

  List<LocalFinding> findings() {
    return findings;
  }

  /** Checks the annotations of the variable {@code node} declared at {@code path}. */
  void variable(TreePath path, VariableTree node) {
    Element element = context.trees().getElement(path);
    if (element != null) {
      checkNested(path, element, node.getModifiers());
      checkNestedReach(path, element, node.getModifiers());
      if (element.asType().getKind().isPrimitive()) {
        for (String annotation : List.of(LockAnnotations.LOCK_CLASS, LockAnnotations.NESTED)) {
          misuse(
              path,
              node.getModifiers(),
              annotation,
              element,
              "@" + simpleName(annotation) + " on `" + element.getSimpleName() + "` of primitive type "
                  + element.asType() + ": only an object can be a lock");
        }
      }
    }
  }

  /** Checks the annotations of the method {@code node} declared at {@code path}. */
  void method(TreePath path, MethodTree node) {
    if (context.trees().getElement(path) instanceof ExecutableElement method) {
      checkNested(path, method, node.getModifiers());
      Optional<AnnotationMirror> acquires = LockAnnotations.find(method, LockAnnotations.ACQUIRES);
      Optional<AnnotationMirror> releases = LockAnnotations.find(method, LockAnnotations.RELEASES);
      checkGuards(path, node, method, LockAnnotations.ACQUIRES, acquires);
      checkGuards(path, node, method, LockAnnotations.RELEASES, releases);
      if (acquires.isPresent() && releases.isPresent()) {
        for (String name : LockOperations.guardNames(acquires.get())) {
          if (LockOperations.guardNames(releases.get()).contains(name)) {
            misuse(
                path, node.getModifiers(), LockAnnotations.RELEASES, method,
                "`" + Names.method(method) + "` both @Acquires and @Releases `" + name + "`");
          }
        }
      }
    }
  }

  private void checkNested(TreePath path, Element element, ModifiersTree modifiers) {
    Integer subclass = LockClassKeys.writtenNested(element);
    if (subclass != null && (subclass < 0 || subclass >= LockClass.MAX_SUBCLASSES)) {
      misuse(
          path,
          modifiers,
          LockAnnotations.NESTED,
          element,
          "@Nested(" + subclass + ") on `" + element.getSimpleName() + "`: a subclass is 0 to "
              + (LockClass.MAX_SUBCLASSES - 1) + " (lockdep's MAX_LOCKDEP_SUBCLASSES is "
              + LockClass.MAX_SUBCLASSES + ")");
    }
  }

  /**
   * {@code @Nested} on a parameter or local that is never locked itself, only the locks reached
   * through it: it would nest nothing.
   */
  private void checkNestedReach(TreePath path, Element element, ModifiersTree modifiers) {
    Integer subclass = LockClassKeys.writtenNested(element);
    // An out-of-range subclass is an error of its own; a field is itself a lock.
    if (subclass == null
        || subclass != LockClassKeys.validSubclass(subclass)
        || element.getKind() == ElementKind.FIELD
        || !(element instanceof VariableElement variable)) {
      return;
    }
    nestedUse.onlyLockedThrough(path, variable).ifPresent(
        through -> {
          String name = element.getSimpleName().toString();
          misuse(
              path,
              modifiers,
              LockAnnotations.NESTED,
              element,
              "@Nested(" + subclass + ") on `" + name + "` has no effect: `" + name + "` is never locked itself, and `"
                  + through.getLeaf() + "`, locked at line " + context.provenance(through.getLeaf(), "").line()
                  + ", is another object that keeps its own subclass; declare it as a variable,"
                  + " `@Nested(" + subclass + ") var lock = " + through.getLeaf() + ";`, and lock that");
        });
  }

  private void checkGuards(
      TreePath path, MethodTree node, ExecutableElement method, String annotation, Optional<AnnotationMirror> mirror) {
    if (mirror.isEmpty()) {
      return;
    }
    for (String guard : LockOperations.guardNames(mirror.get())) {
      if (!resolves(guard, method)) {
        misuse(
            path,
            node.getModifiers(),
            annotation,
            method,
            "@" + simpleName(annotation) + " names `" + guard + "`, which is not `this`, a parameter or a field of "
                + Names.type((TypeElement) method.getEnclosingElement()));
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

  /**
   * A finding at the annotation {@code qualifiedName} among {@code modifiers}, the misused one;
   * none where the declaration does not write it.
   */
  private void misuse(TreePath path, ModifiersTree modifiers, String qualifiedName, Element element, String summary) {
    Optional<AnnotationTree> at = annotationTree(path, modifiers, qualifiedName);
    if (at.isEmpty() || context.suppressed(path).contains(CheckKind.LockdepAnnotationMisuse)) {
      return;
    }
    Provenance where = context.provenance(at.get(), element.getSimpleName().toString());
    findings.add(
        new LocalFinding(
            CheckKind.LockdepAnnotationMisuse,
            where,
            "invalid lockdep annotation",
            summary,
            List.of("see docs/checks/LockdepAnnotationMisuse.md for where each annotation applies")));
  }

  private Optional<AnnotationTree> annotationTree(TreePath path, ModifiersTree modifiers, String qualifiedName) {
    for (AnnotationTree annotation : modifiers.getAnnotations()) {
      Element type = context.trees().getElement(new TreePath(new TreePath(path, modifiers), annotation.getAnnotationType()));
      if (type instanceof TypeElement t && t.getQualifiedName().contentEquals(qualifiedName)) {
        return Optional.of(annotation);
      }
    }
    return Optional.empty();
  }

  private static String simpleName(String qualifiedName) {
    return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
  }
}
