package dev.lockdep.checker.analysis;

import dev.lockdep.checker.models.Models;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Reads LockdepCheck's annotations from elements by name, so that code compiled against any copy
 * of the annotations jar (or a models file giving the same names) is understood alike.
 */
final class LockAnnotations {
  static final String PACKAGE = "dev.lockdep.annotations.";
  static final String LOCK_CLASS = PACKAGE + "LockClass";
  static final String NESTED = PACKAGE + "Nested";
  static final String ACQUIRES = PACKAGE + "Acquires";
  static final String RELEASES = PACKAGE + "Releases";

  private LockAnnotations() {}

  /** The annotation written on {@code element}, else the one a models file gives it. */
  static Optional<AnnotationMirror> find(Element element, String qualifiedName, Models models) {
    Optional<AnnotationMirror> written = find(element, qualifiedName);
    return written.isPresent() || element == null ? written : models.find(element, qualifiedName);
  }

  /** The annotation written on {@code element} (in source or in its class file). */
  static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    if (element == null) {
      return Optional.empty();
    }
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** Whether any annotation of {@code element} has this simple name (e.g. either {@code GuardedBy}). */
  static Optional<AnnotationMirror> findBySimpleName(Element element, String simpleName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().asElement().getSimpleName().contentEquals(simpleName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** The explicitly given value of {@code name}, if any. */
  static Optional<Object> value(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return Optional.of(e.getValue().getValue());
      }
    }
    return Optional.empty();
  }

  static String stringValue(AnnotationMirror mirror, String name, String orElse) {
    return value(mirror, name).map(Object::toString).orElse(orElse);
  }

  static boolean booleanValue(AnnotationMirror mirror, String name, boolean orElse) {
    return value(mirror, name).map(v -> (Boolean) v).orElse(orElse);
  }

  /** A {@code String[]} member: a single string or a list of them. */
  static List<String> stringsValue(AnnotationMirror mirror, String name) {
    List<String> strings = new ArrayList<>();
    value(mirror, name)
        .ifPresent(
            v -> {
              if (v instanceof List<?> list) {
                for (Object item : list) {
                  strings.add(String.valueOf(((AnnotationValue) item).getValue()));
                }
              } else {
                strings.add(String.valueOf(v));
              }
            });
    return strings;
  }
}
