package dev.lockdep.checker.analysis;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.lockdep.checker.models.Models;
import dev.lockdep.lockgraph.HeldLock;
import dev.lockdep.lockgraph.Provenance;
import dev.lockdep.lockgraph.program.BodyContext;
import dev.lockdep.lockgraph.program.MethodSummary;
import dev.lockdep.lockgraph.program.TypeDecl;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The front end over one attributed compilation unit: every method, constructor, initializer and
 * lambda body becomes a {@link MethodSummary}; annotation misuse and unbalanced unlocks become
 * {@link LocalFinding}s. A failure inside one method is recorded as an internal error and the
 * other methods are still analysed.
 */
public final class UnitAnalyzer {
  private final UnitContext context;
  private final List<MethodSummary> methods = new ArrayList<>();
  private final List<TypeDecl> types = new ArrayList<>();
  private final List<UnitSummary.InternalError> internalErrors = new ArrayList<>();

  private UnitAnalyzer(UnitContext context) {
    this.context = context;
  }

  /** The summary of {@code unit}, library members annotated by {@code models} as well as by their own annotations. */
  public static UnitSummary analyze(CompilationUnitTree unit, Trees trees, Elements elements, Types types, Models models) {
    return analyze(unit, trees, elements, new ElementLookups(elements, types, models));
  }

  /** As above, with {@code lookups} (and its models) shared by the units of one compilation. */
  public static UnitSummary analyze(CompilationUnitTree unit, Trees trees, Elements elements, ElementLookups lookups) {
    UnitAnalyzer analyzer = new UnitAnalyzer(new UnitContext(unit, trees, elements, lookups));
    return analyzer.run();
  }

  /**
   * One walk over the unit analyses its bodies and checks the annotations of its declarations.
   * The misuses come first in the findings and a failure checking annotations first in the
   * internal errors, as if the annotations had been checked in a walk of their own.
   */
  private UnitSummary run() {
    AnnotationMisuse misuse = new AnnotationMisuse(context);
    List<UnitSummary.InternalError> misuseErrors = new ArrayList<>();
    new LazyPathScanner() {
      @Override
      public Void visitClass(ClassTree node, Void unused) {
        if (context.trees().getElement(currentPath()) instanceof TypeElement type) {
          types.add(context.lookups().typeDecl(type));
          guarded(currentPath(), () -> firstUseFromOutside(node, type));
        }
        return super.visitClass(node, null);
      }

      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        if (!node.getModifiers().getAnnotations().isEmpty()) {
          checkAnnotations(() -> misuse.variable(currentPath(), node));
        }
        TreePath path = currentPath();
        if (parent() instanceof ClassTree && node.getInitializer() != null
            && (createsProgramObject(path, node.getInitializer()) || initializesClass(path, node))) {
          guarded(path, () -> fieldInitializer(path, node));
        }
        return super.visitVariable(node, null);
      }

      @Override
      public Void visitMethod(MethodTree node, Void unused) {
        TreePath path = currentPath();
        if (!node.getModifiers().getAnnotations().isEmpty()) {
          checkAnnotations(() -> misuse.method(path, node));
        }
        if (node.getBody() != null && !context.isGenerated(path)) {
          guarded(path, () -> method(path, node));
        }
        return super.visitMethod(node, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        TreePath path = currentPath();
        guarded(path, () -> lambda(path, node));
        return super.visitLambdaExpression(node, null);
      }

      @Override
      public Void visitBlock(BlockTree node, Void unused) {
        if (parent() instanceof ClassTree) {
          TreePath path = currentPath();
          guarded(path, () -> initializer(path, node));
        }
        return super.visitBlock(node, null);
      }

      /** Runs one check of annotations; after a failure the unit's annotations are checked no further. */
      private void checkAnnotations(Runnable check) {
        if (!misuseErrors.isEmpty()) {
          return;
        }
        try {
          check.run();
        } catch (RuntimeException | StackOverflowError e) {
          misuseErrors.add(
              new UnitSummary.InternalError(
                  context.provenance(context.unit(), context.file()),
                  "internal error checking the annotations of " + context.file() + ": " + e));
        }
      }
    }.scan(new TreePath(context.unit()));
    try {
      context.typeFlow().fieldInitializers().forEach((owner, flows) -> {
        // Field initializers run in no body of their own: the first body of their class carries
        // their flows, as that class's code (its objects create what they create), or a body of
        // their own where the class has none.
        String prefix = context.lookups().typeName(owner) + "#";
        int carrier = 0;
        while (carrier < methods.size() && !methods.get(carrier).id().startsWith(prefix)) {
          carrier++;
        }
        if (carrier < methods.size()) {
          methods.set(carrier, methods.get(carrier).withMoreFlows(flows));
        } else {
          methods.add(fieldInitializers(owner, flows));
        }
      });
    } catch (RuntimeException | StackOverflowError e) {
      internalErrors.add(
          new UnitSummary.InternalError(
              context.provenance(context.unit(), context.file()),
              "internal error following the field initializers of " + context.file() + ": " + e));
    }
    List<LocalFinding> findings = new ArrayList<>(misuse.findings());
    findings.addAll(context.findings());
    List<UnitSummary.InternalError> errors = new ArrayList<>(misuseErrors);
    errors.addAll(internalErrors);
    return new UnitSummary(context.file(), methods, types, findings, errors, context.notes());
  }

  /** Analyses one body; a failure there becomes one internal error naming it. */
  private void guarded(TreePath path, Runnable analysis) {
    try {
      analysis.run();
    } catch (RuntimeException | StackOverflowError e) {
      String name = Names.bodyName(context.trees(), path);
      internalErrors.add(
          new UnitSummary.InternalError(
              context.provenance(path.getLeaf(), name),
              "internal error analysing " + name + ": " + e));
    }
  }

  private void method(TreePath path, MethodTree tree) {
    ExecutableElement method = (ExecutableElement) context.trees().getElement(path);
    String name = Names.bodyName(context.trees(), path);
    Integer nested = context.keys().nested(method);
    int subclass = nested == null ? 0 : LockClassKeys.validSubclass(nested);
    TreePath body = new TreePath(path, tree.getBody());
    MethodAnalyzer analyzer = new MethodAnalyzer(context, name, subclass, body);
    List<LockRef> heldOnEntry = new ArrayList<>();
    for (String guard : guardsHeldOnEntry(method)) {
      context.operations().lockNamedInBody(guard, method, analyzer.scope(), subclass).ifPresent(heldOnEntry::add);
    }
    LockRef monitor = null;
    if (method.getModifiers().contains(Modifier.SYNCHRONIZED)) {
      TypeElement owner = (TypeElement) method.getEnclosingElement();
      monitor =
          method.getModifiers().contains(Modifier.STATIC)
              ? context.keys().resolveClassObject(owner, subclass)
              : context.keys().resolveThis(owner, subclass);
    }
    Provenance declared = context.provenance(tree, name);
    methods.add(
        analyzer.analyze(
            body, heldOnEntry, monitor, declared, context.suppressed(path), identity(method, body, declared),
            context.contexts().body(method, declared)));
  }

  /**
   * The method's id, the ids of what it overrides, which parameters a caller's lock may bind, and,
   * for a constructor, the lock fields it sets from its parameters; for a getter implementing a
   * method keyed by itself, the lock it returns.
   */
  private BodyIdentity identity(ExecutableElement method, TreePath body, Provenance declared) {
    List<String> overrides = new ArrayList<>();
    for (ExecutableElement overridden : context.operations().withOverridden(method)) {
      if (overridden != method) {
        overrides.add(context.signature(overridden));
      }
    }
    List<String> parameters = new ArrayList<>();
    for (VariableElement parameter : method.getParameters()) {
      boolean fixed = LockAnnotations.find(parameter, LockAnnotations.LOCK_CLASS).isPresent();
      parameters.add(fixed ? "" : LockClassKeys.localName(parameter.getSimpleName()));
    }
    List<MethodSummary.Store> stores =
        method.getKind() == ElementKind.CONSTRUCTOR ? context.keys().stores(method, body) : List.of();
    LockRef returned = overrides.isEmpty() ? null : context.keys().returnedLock(method);
    return new BodyIdentity(
        context.signature(method), overrides.stream().distinct().toList(), parameters, stores,
        returned == null ? null : returned.held(false, declared));
  }

  /** {@code @GuardedBy} and {@code @Releases}: the caller holds these when the body starts. */
  private List<String> guardsHeldOnEntry(ExecutableElement method) {
    List<String> guards = new ArrayList<>();
    for (ExecutableElement declared : context.operations().withOverridden(method)) {
      LockAnnotations.findBySimpleName(declared, "GuardedBy")
          .ifPresent(a -> guards.addAll(LockAnnotations.stringsValue(a, "value")));
      LockAnnotations.find(declared, LockAnnotations.RELEASES)
          .ifPresent(a -> guards.addAll(LockOperations.guardNames(a)));
    }
    return guards.stream().distinct().collect(Collectors.toList());
  }

  private void lambda(TreePath path, LambdaExpressionTree tree) {
    String name = Names.bodyName(context.trees(), path);
    TreePath body = new TreePath(path, tree.getBody());
    MethodAnalyzer analyzer = new MethodAnalyzer(context, name, 0, body);
    Provenance declared = context.provenance(tree, name);
    // A lambda runs where it is invoked, in its invoker's context, or on a thread of its own.
    methods.add(
        analyzer.analyze(
            body, List.of(), null, declared, context.suppressed(path),
            BodyIdentity.of(context.lambdaId(tree)), BodyContext.entry(declared)));
  }

  /**
   * A body that stands for code outside the compilation using {@code type} first ({@link
   * ClassInitializations#startedFromOutside}): it takes the initialization of the class and,
   * nested under it, its superclass's and superinterfaces'. Its id ({@link MethodSummary#OUTSIDE})
   * names no class of the program, so no class is initialized on its chain; it is at the class's
   * declaration.
   */
  private void firstUseFromOutside(ClassTree tree, TypeElement type) {
    List<List<TypeElement>> started = context.classInitializations().startedFromOutside(type);
    if (started.isEmpty()) {
      return;
    }
    String name = type.getSimpleName() + ".<first use from another package>";
    Provenance at = context.provenance(tree, name);
    List<MethodSummary.Acquisition> acquisitions = new ArrayList<>(started.size());
    for (List<TypeElement> chain : started) {
      List<HeldLock> held = new ArrayList<>(chain.size() - 1);
      for (TypeElement outer : chain.subList(0, chain.size() - 1)) {
        held.add(context.keys().classInitialization(outer).held(false, at));
      }
      HeldLock next = context.keys().classInitialization(chain.get(chain.size() - 1)).held(false, at);
      acquisitions.add(new MethodSummary.Acquisition(held, next, at));
    }
    String id = MethodSummary.OUTSIDE + "<first use>(" + context.lookups().typeName(type) + ")";
    methods.add(
        new MethodSummary(
            name, id, List.of(), List.of(), acquisitions, List.of(), Set.of(), BodyContext.entry(at), List.of(),
            List.of(), List.of(), null));
  }

  /**
   * A body that stands for the field initializers of a class with no other body, named as an
   * initializer block of the class is: it takes no lock and calls nothing, and carries the
   * initializers' flows ({@code final Listener listener = new Listener(subject);}).
   */
  private MethodSummary fieldInitializers(TypeElement owner, List<MethodSummary.Flow> flows) {
    Tree declaration = context.trees().getTree(owner);
    String name = Names.type(owner) + ".<field initializers>";
    Provenance declared = context.provenance(declaration, name);
    return new MethodSummary(
        name, context.initializerId(owner, declaration), List.of(), List.of(), List.of(), List.of(), Set.of(),
        BodyContext.entry(declared), List.of(), flows, List.of(), null);
  }

  /** Whether the field at {@code field} is initialised with an object of a class the program declares, made with arguments. */
  private boolean createsProgramObject(TreePath field, ExpressionTree initializer) {
    return initializer instanceof NewClassTree creation
        && creation.getClassBody() == null
        && !creation.getArguments().isEmpty()
        && context.keys().programTypeName(context.trees().getTypeMirror(new TreePath(field, creation))) != null;
  }

  /**
   * Whether the field at {@code field} is a static one whose initializer runs code of the program
   * ({@link ClassInitializations#runsProgramCode(TreePath, TypeElement)}): it runs in its class's
   * initialization.
   */
  private boolean initializesClass(TreePath field, VariableTree tree) {
    return ClassInitializations.isStatic(context.trees(), field)
        && context.trees().getElement(field.getParentPath()) instanceof TypeElement owner
        && context.classInitializations().runsProgramCode(new TreePath(field, tree.getInitializer()), owner);
  }

  /**
   * A field initializer that creates an object of the program: it runs that object's constructor
   * when its own object is constructed, as an initializer block does, and names what it creates
   * by the field ({@link LockClassKeys#createdField}).
   */
  private void fieldInitializer(TreePath path, VariableTree tree) {
    initialization(path, new TreePath(path, tree.getInitializer()), tree);
  }

  private void initializer(TreePath path, BlockTree tree) {
    initialization(path, path, tree);
  }

  /**
   * Analyses {@code body}, code of the class initialization declared at {@code path}, as a body of
   * its own. A static one runs holding its class's initialization lock ({@link
   * ClassInitializations}).
   */
  private void initialization(TreePath path, TreePath body, Tree tree) {
    String name = Names.bodyName(context.trees(), path);
    MethodAnalyzer analyzer = new MethodAnalyzer(context, name, 0, body);
    TypeElement owner = (TypeElement) context.trees().getElement(path.getParentPath());
    boolean ofClass = tree instanceof BlockTree block ? block.isStatic() : ClassInitializations.isStatic(context.trees(), path);
    LockRef initializing = ofClass ? context.keys().classInitialization(owner) : null;
    Provenance declared = context.provenance(tree, name);
    methods.add(
        analyzer.analyze(
            body, List.of(), initializing, declared, context.suppressed(path),
            BodyIdentity.of(context.initializerId(owner, tree)), BodyContext.entry(declared)));
  }
}
