package dev.lockdep.checker.analysis;

import dev.lockdep.checker.models.Models;
import dev.lockdep.lockgraph.IrqKind;
import dev.lockdep.lockgraph.Provenance;
import dev.lockdep.lockgraph.program.BodyContext;
import dev.lockdep.lockgraph.program.Gfp;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The context annotations of SPEC §4 as they apply to a body or a callee: those of the method,
 * of every method it overrides, and, for the annotations that may stand on a type, of the types
 * declaring them.
 */
final class ContextAnnotations {
  static final String IRQ_CONTEXT = LockAnnotations.PACKAGE + "IrqContext";
  static final String IRQS_DISABLED = LockAnnotations.PACKAGE + "IrqsDisabled";
  static final String RECLAIM = LockAnnotations.PACKAGE + "Reclaim";
  static final String SHRINKER = LockAnnotations.PACKAGE + "Shrinker";
  static final String GFP_FLAGS = LockAnnotations.PACKAGE + "GfpFlags";
  static final String FENCE_SIGNALLING = LockAnnotations.PACKAGE + "FenceSignalling";
  static final String FENCE_WAIT = LockAnnotations.PACKAGE + "FenceWait";

  /** The annotations {@link #body} looks for. */
  private static final Set<String> BODY_ANNOTATIONS =
      Set.of(IRQ_CONTEXT, IRQS_DISABLED, GFP_FLAGS, RECLAIM, SHRINKER, FENCE_SIGNALLING);

  /** Library methods that wait for another thread to complete something: fence waits unannotated. */
  private static final Set<String> BUILT_IN_WAITS =
      Set.of(
          "java.util.concurrent.Future#get",
          "java.util.concurrent.CompletableFuture#join",
          "java.util.concurrent.CompletableFuture#get",
          "java.util.concurrent.CountDownLatch#await",
          "java.lang.Thread#join");

  /**
   * What a call does by its callee's annotations.
   *
   * @param reclaim the callee may enter memory reclaim
   * @param gfp the callee's own allocation scope
   * @param fenceWait the callee waits for a fence
   */
  record CallEffects(boolean reclaim, Gfp gfp, boolean fenceWait) {
    static final CallEffects NONE = new CallEffects(false, Gfp.KERNEL, false);
  }

  private final LockOperations operations;
  /** Annotations models files give library members. */
  private final Models models;
  private final ElementLookups lookups;

  ContextAnnotations(LockOperations operations, Models models, ElementLookups lookups) {
    this.operations = operations;
    this.models = models;
    this.lookups = lookups;
  }

  /** The context of {@code method}'s body, declared at {@code declaredAt}. */
  BodyContext body(ExecutableElement method, Provenance declaredAt) {
    List<ExecutableElement> declared = operations.withOverridden(method);
    boolean exported = !method.getModifiers().contains(Modifier.PRIVATE);
    if (!anyBodyAnnotation(declared)) {
      // Most bodies: what the lookups below find where nothing is annotated, without asking
      // each method and type about each annotation in turn.
      return new BodyContext(null, null, Gfp.KERNEL, false, false, false, exported, declaredAt);
    }
    return new BodyContext(
        irqLevel(declared, IRQ_CONTEXT),
        irqLevel(declared, IRQS_DISABLED),
        gfp(declared),
        onMethod(declared, RECLAIM).isPresent(),
        onMethodOrType(declared, SHRINKER).isPresent(),
        onMethodOrType(declared, FENCE_SIGNALLING).isPresent(),
        exported,
        declaredAt);
  }

  /**
   * Whether one of the methods and types {@link #onMethodOrType} looks at has one of the {@link
   * #BODY_ANNOTATIONS}, written or from a model.
   */
  private boolean anyBodyAnnotation(List<ExecutableElement> declared) {
    for (ExecutableElement method : declared) {
      if (hasBodyAnnotation(method)) {
        return true;
      }
      if (method.getModifiers().contains(Modifier.PRIVATE)) {
        continue;
      }
      for (Element e = method.getEnclosingElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
        if (hasBodyAnnotation(e)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean hasBodyAnnotation(Element element) {
    return models.annotates(element) || !Collections.disjoint(lookups.writtenAnnotations(element), BODY_ANNOTATIONS);
  }

  /** What calling {@code callee} does to reclaim and fences. */
  CallEffects call(ExecutableElement callee) {
    List<ExecutableElement> declared = operations.withOverridden(callee);
    boolean reclaim = onMethod(declared, RECLAIM).isPresent();
    boolean wait = onMethod(declared, FENCE_WAIT).isPresent() || anyBuiltInWait(declared);
    return reclaim || wait ? new CallEffects(reclaim, gfp(declared), wait) : CallEffects.NONE;
  }

  /**
   * Whether one of {@code declared} is one of {@link #BUILT_IN_WAITS}: their classes have qualified
   * names, so the id of any other class's method, binary-named or not, is none of them.
   */
  private boolean anyBuiltInWait(List<ExecutableElement> declared) {
    for (ExecutableElement method : declared) {
      if (method.getEnclosingElement() instanceof TypeElement owner
          && BUILT_IN_WAITS.contains(lookups.typeName(owner) + "#" + method.getSimpleName())) {
        return true;
      }
    }
    return false;
  }

  private Optional<AnnotationMirror> onMethod(List<ExecutableElement> declared, String annotation) {
    for (ExecutableElement method : declared) {
      Optional<AnnotationMirror> mirror = find(method, annotation);
      if (mirror.isPresent()) {
        return mirror;
      }
    }
    return Optional.empty();
  }

  /**
   * The annotation on a method or on a type declaring one of them: on a type it stands for every
   * non-private method the type and its nested types declare.
   */
  private Optional<AnnotationMirror> onMethodOrType(List<ExecutableElement> declared, String annotation) {
    Optional<AnnotationMirror> mirror = onMethod(declared, annotation);
    if (mirror.isPresent()) {
      return mirror;
    }
    for (ExecutableElement method : declared) {
      if (method.getModifiers().contains(Modifier.PRIVATE)) {
        continue;
      }
      for (Element e = method.getEnclosingElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
        mirror = find(e, annotation);
        if (mirror.isPresent()) {
          return mirror;
        }
      }
    }
    return Optional.empty();
  }

  /** {@link LockAnnotations#find(Element, String, Models)}, the element's own annotations read once. */
  private Optional<AnnotationMirror> find(Element element, String annotation) {
    return lookups.writtenAnnotations(element).contains(annotation)
        ? LockAnnotations.find(element, annotation, models)
        : models.find(element, annotation);
  }

  private IrqKind irqLevel(List<ExecutableElement> declared, String annotation) {
    return onMethodOrType(declared, annotation)
        .map(mirror -> constant(mirror).map(IrqKind::valueOf).orElse(IrqKind.HARDIRQ))
        .orElse(null);
  }

  private Gfp gfp(List<ExecutableElement> declared) {
    return onMethodOrType(declared, GFP_FLAGS).flatMap(ContextAnnotations::constant).map(Gfp::valueOf).orElse(Gfp.KERNEL);
  }

  /** The enum constant given as {@code value}, by name. */
  private static Optional<String> constant(AnnotationMirror mirror) {
    return LockAnnotations.value(mirror, "value")
        .filter(VariableElement.class::isInstance)
        .map(v -> ((VariableElement) v).getSimpleName().toString());
  }
}
