package dev.lockdep.checker.analysis;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import dev.lockdep.checker.SourceKey;
import dev.lockdep.checker.models.Models;
import dev.lockdep.lockgraph.CheckKind;
import dev.lockdep.lockgraph.Provenance;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** One compilation unit under analysis: its trees, its resolvers, and the findings made in it. */
final class UnitContext {
  /** The {@code @SuppressWarnings} value that suppresses every check at once. */
  private static final String SUPPRESS_ALL = "Lockdep";
  private static final String SUPPRESS_WARNINGS = "java.lang.SuppressWarnings";

  private final Trees trees;
  private final Elements elements;
  private final CompilationUnitTree unit;
  private final SourcePositions positions;
  private final LineMap lines;
  private final String file;
  private final LockTypes lockTypes;
  private final LockClassKeys keys;
  private final LockOperations operations;
  private final CallbackApis callbacks;
  private final Models models;
  private final ContextAnnotations contexts;
  private final List<LocalFinding> findings = new ArrayList<>();
  private final List<UnitSummary.Note> notes = new ArrayList<>();
  private final ElementLookups lookups;
  private final Name superName;
  private final ThrowingCalls throwingCalls;
  /** Made when a body that takes a lock first checks its releases. */
  private CallHolds callHolds;
  private AwaitedTasks awaitedTasks;
  private final MethodNames methodNames;
  private final TypeFlowFacts typeFlow;

  UnitContext(
      CompilationUnitTree unit, Trees trees, Elements elements, ElementLookups lookups) {
    this.lookups = lookups;
    this.trees = trees;
    this.elements = elements;
    this.unit = unit;
    this.positions = trees.getSourcePositions();
    this.lines = unit.getLineMap();
    this.methodNames = new MethodNames(unit, positions);
    this.file = SourceKey.of(unit);
    this.lockTypes = lookups.lockTypes();
    this.models = lookups.models();
    this.keys = new LockClassKeys(trees, lookups, lockTypes, models);
    this.operations = new LockOperations(trees, elements, lookups, lockTypes, keys, models);
    this.callbacks = new CallbackApis(this, lookups);
    this.contexts = new ContextAnnotations(operations, models, lookups);
    this.superName = lookups.name("super");
    this.throwingCalls = new ThrowingCalls(this, elements, lockTypes);
    this.typeFlow = new TypeFlowFacts(this);
  }

  TypeFlowFacts typeFlow() {
    return typeFlow;
  }

  Trees trees() {
    return trees;
  }

  CompilationUnitTree unit() {
    return unit;
  }

  SourcePositions positions() {
    return positions;
  }

  String file() {
    return file;
  }

  LockClassKeys keys() {
    return keys;
  }

  LockOperations operations() {
    return operations;
  }

  ElementLookups lookups() {
    return lookups;
  }

  ClassInitializations classInitializations() {
    return lookups.classInitializations(trees);
  }

  LockTypes lockTypes() {
    return lockTypes;
  }

  ThrowingCalls throwingCalls() {
    return throwingCalls;
  }

  CallHolds callHolds() {
    if (callHolds == null) {
      callHolds = new CallHolds(this, throwingCalls);
    }
    return callHolds;
  }

  AwaitedTasks awaitedTasks() {
    if (awaitedTasks == null) {
      awaitedTasks = new AwaitedTasks(this);
    }
    return awaitedTasks;
  }

  /**
   * The declaration of {@code method} when this unit declares it with a body, else null: what the
   * analysis of a body may read of another method without depending on which other files are
   * compiled with it.
   */
  TreePath declarationWithBody(ExecutableElement method) {
    TreePath declaration = keys.declaration(method);
    return declaration != null
            && declaration.getCompilationUnit() == unit
            && declaration.getLeaf() instanceof MethodTree tree
            && tree.getBody() != null
        ? declaration
        : null;
  }

  /**
   * What a call of {@code method} is, whatever the call site: asked once per callee in the
   * compilation, not at each of its calls on each pass over a loop.
   */
  Callee callee(ExecutableElement method) {
    return lookups.callee(
        method,
        m ->
            new Callee(
                callSignature(m),
                m.getModifiers().contains(Modifier.STATIC),
                callbacks.overridable(m) || callbacks.firedListener(m) != null,
                async(m),
                operations.isLockAccessor(m),
                contexts.call(m)));
  }

  /**
   * What a call does by its callee alone.
   *
   * @param signature the callee's id in summaries ({@link #callSignature}: a listener support's fire
   *     names the listener method it runs)
   * @param isStatic the callee has no receiver
   * @param overridable a call of it may run an override of it
   * @param async a models file marks it, or a method it overrides, {@code @Async}
   * @param lockAccessor it is one of {@link LockOperations#isLockAccessor}'s calls, which do not throw
   * @param effects what calling it does to reclaim and fences
   */
  record Callee(
      String signature,
      boolean isStatic,
      boolean overridable,
      boolean async,
      boolean lockAccessor,
      ContextAnnotations.CallEffects effects) {}

  private boolean async(ExecutableElement method) {
    for (ExecutableElement declared : operations.withOverridden(method)) {
      if (models.async(declared)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code name} is the receiver {@code super}: javac interns names, and comparing their text copies it. */
  boolean isSuper(Name name) {
    return name.equals(superName);
  }

  ContextAnnotations contexts() {
    return contexts;
  }

  CallbackApis callbacks() {
    return callbacks;
  }

  /** The id of a lambda body: unique in the program, the same wherever the lambda is named. */
  String lambdaId(Tree lambda) {
    return "lambda@" + file + ":" + positions.getStartPosition(unit, lambda);
  }

  /** The id of an initializer block of {@code owner}. */
  String initializerId(TypeElement owner, Tree block) {
    return lookups.typeName(owner) + "#<init>@" + positions.getStartPosition(unit, block);
  }

  /** Where {@code tree} is, for reports: a method at its name ({@link MethodNames}). */
  Provenance provenance(Tree tree, String method) {
    long start =
        tree instanceof MethodTree declaration
            ? methodNames.position(declaration)
            : positions.getStartPosition(unit, tree);
    if (start < 0) {
      return new Provenance(file, 0, 0, method, List.of());
    }
    return new Provenance(file, (int) lines.getLineNumber(start), (int) lines.getColumnNumber(start), method, List.of());
  }

  /**
   * The checks {@code @SuppressWarnings} on the body or anything enclosing it turns off;
   * {@code "Lockdep"} turns off every check. javac's and the IDEs' catch-all {@code "all"} does not:
   * it is written on generated and copied code (Lombok's, Immutables', a JDK class vendored into a
   * library) to quiet lint, and a suppression here removes the class's facts from every cycle the
   * program has, reported anywhere (netty's copy of {@code ThreadLocalRandom} closes a ring of
   * static initializers through the library's own classes).
   */
  Set<CheckKind> suppressed(TreePath path) {
    Set<CheckKind> suppressed = EnumSet.noneOf(CheckKind.class);
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (!(leaf instanceof MethodTree || leaf instanceof ClassTree || leaf instanceof VariableTree)) {
        continue;
      }
      Element element = trees.getElement(p);
      if (element == null || !lookups.writtenAnnotations(element).contains(SUPPRESS_WARNINGS)) {
        continue;
      }
      for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
        if (!((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(SUPPRESS_WARNINGS)) {
          continue;
        }
        for (String value : LockAnnotations.stringsValue(mirror, "value")) {
          if (value.equals(SUPPRESS_ALL)) {
            suppressed.addAll(EnumSet.allOf(CheckKind.class));
          }
          for (CheckKind check : CheckKind.values()) {
            if (check.name().equals(value)) {
              suppressed.add(check);
            }
          }
        }
      }
    }
    return suppressed;
  }

  /** A declaration javac wrote, not the programmer: the default constructor. */
  boolean isGenerated(TreePath path) {
    Element element = trees.getElement(path);
    return element != null && elements.getOrigin(element) != Elements.Origin.EXPLICIT;
  }

  /**
   * {@code pkg.Type#name(paramTypes)}, the form models files use; anonymous and local classes,
   * which have no qualified name, go by their binary name ({@code pkg.Outer$1}).
   */
  String signature(ExecutableElement method) {
    return lookups.signature(method);
  }

  /**
   * What a call of {@code method} runs, in summaries: the method, or, for a JDK listener support's
   * fire, the listener method it runs on each listener its receiver keeps ({@link
   * CallbackApis#firedListener}), which dispatch then finds by the types the flow brings there.
   */
  String callSignature(ExecutableElement method) {
    String fired = callbacks.firedListener(method);
    return fired != null ? fired : signature(method);
  }

  void report(LocalFinding finding) {
    findings.add(finding);
  }

  /** Says that the analysis of a body left something out. */
  void note(Provenance at, String message) {
    UnitSummary.Note note = new UnitSummary.Note(at, message);
    if (!notes.contains(note)) {
      notes.add(note);
    }
  }

  List<UnitSummary.Note> notes() {
    return notes;
  }

  List<LocalFinding> findings() {
    return findings;
  }
}
