package dev.lockdep.checker.analysis;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.lockdep.lockgraph.program.MethodSummary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * What the arguments of a call are to the whole-program analysis (SPEC §6): locks a callee's
 * parameter may stand for, and callbacks (lambdas, method references, anonymous and local class
 * instances) that a synchronous API or an analysed callee may run before it returns.
 */
final class CallbackApis {
  /**
   * Library methods that run the callbacks passed to them before they return, by declaring type
   * (any override of them counts too). Streams are lazy, but a sequential pipeline runs its
   * lambdas inside the terminal operation of the same expression, so every stream method counts.
   * Asynchronous APIs ({@code Executor.execute}, {@code Thread}, {@code CompletableFuture.*Async},
   * {@code Timer}) and every other library method are absent: their callbacks run, if ever, in
   * another thread with nothing held, which is how a lambda's own body is analysed.
   */
  private static final Map<String, Set<String>> SYNCHRONOUS =
      Map.ofEntries(
          Map.entry("java.lang.Iterable", Set.of("forEach")),
          Map.entry("java.util.Iterator", Set.of("forEachRemaining")),
          Map.entry("java.util.Spliterator", Set.of("forEachRemaining", "tryAdvance")),
          Map.entry("java.util.Collection", Set.of("removeIf")),
          Map.entry("java.util.List", Set.of("replaceAll", "sort")),
          Map.entry(
              "java.util.Map",
              Set.of("forEach", "compute", "computeIfAbsent", "computeIfPresent", "merge", "replaceAll")),
          Map.entry("java.util.Collections", Set.of("sort", "max", "min")),
          Map.entry("java.util.Arrays", Set.of("sort", "setAll")),
          Map.entry("java.security.AccessController", Set.of("doPrivileged", "doPrivilegedWithCombiner")),
          Map.entry("javax.security.auth.Subject", Set.of("doAs", "doAsPrivileged", "callAs")),
          Map.entry(
              "java.util.Optional",
              Set.of("ifPresent", "ifPresentOrElse", "map", "flatMap", "filter", "or", "orElseGet", "orElseThrow")),
          Map.entry("java.util.stream.Stream", Set.of("*")),
          Map.entry("java.util.stream.IntStream", Set.of("*")),
          Map.entry("java.util.stream.LongStream", Set.of("*")),
          Map.entry("java.util.stream.DoubleStream", Set.of("*")));

  /**
   * The JDK's listener supports: a class that keeps the listeners registered with it and, told to
   * fire, runs each one's method on the calling thread, under whatever it holds. Per class: the
   * methods that register a listener, those that fire, and the listener method a fire runs.
   */
  private record ListenerSupport(Set<String> registers, Set<String> fires, String listenerMethod) {}

  private static final Map<String, ListenerSupport> LISTENER_SUPPORTS =
      Map.of(
          "java.beans.PropertyChangeSupport",
          new ListenerSupport(
              Set.of("addPropertyChangeListener"), Set.of("firePropertyChange", "fireIndexedPropertyChange"),
              "java.beans.PropertyChangeListener#propertyChange(java.beans.PropertyChangeEvent)"),
          "java.beans.VetoableChangeSupport",
          new ListenerSupport(
              Set.of("addVetoableChangeListener"), Set.of("fireVetoableChange"),
              "java.beans.VetoableChangeListener#vetoableChange(java.beans.PropertyChangeEvent)"),
          "java.util.Observable",
          new ListenerSupport(
              Set.of("addObserver"), Set.of("notifyObservers"),
              "java.util.Observer#update(java.util.Observable,java.lang.Object)"));

  /** Value types passed everywhere that nobody locks: skipping them keeps summaries small. */
  private static final Set<String> VALUES =
      Set.of(
          "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Boolean",
          "java.lang.Character", "java.lang.Byte", "java.lang.Short", "java.lang.Double", "java.lang.Float");

  private final UnitContext unit;
  /** The classes of {@link #VALUES}. */
  private final Set<TypeElement> valueClasses = new HashSet<>();

  CallbackApis(UnitContext unit, ElementLookups lookups) {
    this.unit = unit;
    for (String value : VALUES) {
      TypeElement valueClass = lookups.jdkType(value);
      if (valueClass != null) {
        valueClasses.add(valueClass);
      }
    }
  }

  /** Whether a call of {@code callee} may run an override of it. */
  boolean overridable(ExecutableElement callee) {
    Set<Modifier> modifiers = callee.getModifiers();
    // A constructor runs its own body: `super(bundle, value)` in a subclass whose constructor has
    // the same parameters is not a call of that subclass's constructor.
    if (callee.getKind() == ElementKind.CONSTRUCTOR
        || modifiers.contains(Modifier.PRIVATE)
        || modifiers.contains(Modifier.FINAL)) {
      return false;
    }
    return !(callee.getEnclosingElement() instanceof TypeElement owner)
        || !owner.getModifiers().contains(Modifier.FINAL);
  }

  /** Whether {@code callee} registers a listener with a JDK listener support, which keeps it. */
  boolean registersListener(ExecutableElement callee) {
    ListenerSupport support = listenerSupport(callee);
    return support != null && support.registers().contains(callee.getSimpleName().toString());
  }

  /**
   * The listener method a call of {@code callee} runs on every listener its receiver keeps, a JDK
   * listener support's fire ({@code pcs.firePropertyChange(...)} runs each registered {@code
   * PropertyChangeListener}'s {@code propertyChange}); else null.
   */
  String firedListener(ExecutableElement callee) {
    ListenerSupport support = listenerSupport(callee);
    return support != null && support.fires().contains(callee.getSimpleName().toString())
        ? support.listenerMethod()
        : null;
  }

  private static ListenerSupport listenerSupport(ExecutableElement callee) {
    return callee.getEnclosingElement() instanceof TypeElement owner
        ? LISTENER_SUPPORTS.get(owner.getQualifiedName().toString())
        : null;
  }

  /** Whether {@code callee} runs the callbacks passed to it before it returns. */
  boolean runsCallbacks(ExecutableElement callee) {
    for (ExecutableElement declared : unit.operations().withOverridden(callee)) {
      if (declared.getEnclosingElement() instanceof TypeElement owner) {
        Set<String> names = SYNCHRONOUS.get(owner.getQualifiedName().toString());
        if (names != null && (names.contains("*") || names.contains(declared.getSimpleName().toString()))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The argument at {@code path} as a lock or a callback; a value of a final library type (a
   * {@code String}, a boxed number) is known to be exactly of that type, so a call the callee makes
   * on it runs none of the program's bodies, whatever objects the type flow brings to the
   * parameter from other calls.
   */
  MethodSummary.Argument argument(TreePath path, LocalScope scope) {
    MethodSummary.Argument argument = programArgument(path, scope);
    String library = argument.callbacks().isEmpty() && argument.type() == null ? finalLibraryType(path) : null;
    return library == null
        ? argument
        : new MethodSummary.Argument(argument.lockClass(), argument.instance(), List.of(), library, true);
  }

  /** The qualified name of the final library class of {@code path}'s value ({@link ElementLookups#isFinalLibraryValue}); else null. */
  private String finalLibraryType(TreePath path) {
    TypeElement type = unit.lookups().valueClass(unit.trees().getTypeMirror(path));
    return type != null && unit.lookups().isFinalLibraryValue(type) ? type.getQualifiedName().toString() : null;
  }

  private MethodSummary.Argument programArgument(TreePath path, LocalScope scope) {
    // A cast or parentheses name the same object, the same lambda: `write((Streamable) obj)`
    // passes the caller's `obj`, which a callee's call on it may be a delegate's.
    TreePath expression = LockClassKeys.withoutParenthesesAndCasts(path);
    Tree leaf = expression.getLeaf();
    switch (leaf.getKind()) {
      case LAMBDA_EXPRESSION:
        return callbacks(List.of(new MethodSummary.Callback(unit.lambdaId(leaf), null, true)));
      case MEMBER_REFERENCE:
        return methodReference(expression, (MemberReferenceTree) leaf, scope);
      case NEW_CLASS:
        return newInstance((NewClassTree) leaf, expression, scope);
      case IDENTIFIER:
      case MEMBER_SELECT:
        return reference(path, expression, scope);
      case METHOD_INVOCATION:
        // A lock a call returns (`rw.writeLock()`, a getter of a lock field or of `this`, a lock
        // service's `Object mutex()`) keeps its class when passed on, as the lock a variable names does.
        return unit.keys().isLockObject(unit.trees().getTypeMirror(path))
            ? unit.keys().argument(path, scope)
            : MethodSummary.NO_ARGUMENT;
      case NULL_LITERAL:
        return MethodSummary.NULL_ARGUMENT;
      case BOOLEAN_LITERAL:
        // A constant the callee's tests of its parameter are decided by (MethodSummary.guard).
        boolean value = (Boolean) ((LiteralTree) leaf).getValue();
        return MethodSummary.Argument.ofInstance(value ? MethodSummary.TRUE : MethodSummary.FALSE);
      default:
        return MethodSummary.NO_ARGUMENT;
    }
  }

  private MethodSummary.Argument methodReference(TreePath path, MemberReferenceTree reference, LocalScope scope) {
    if (!(unit.trees().getElement(path) instanceof ExecutableElement target)
        || target.getKind() == ElementKind.CONSTRUCTOR) {
      return MethodSummary.NO_ARGUMENT;
    }
    String receiver = null;
    if (!target.getModifiers().contains(Modifier.STATIC)) {
      ExpressionTree qualifier = reference.getQualifierExpression();
      Element qualified = unit.trees().getElement(new TreePath(path, qualifier));
      boolean isType = qualified instanceof TypeElement;
      if (!isType) {
        receiver =
            qualifier instanceof IdentifierTree id && id.getName().contentEquals("super")
                ? "this"
                : unit.keys().instance(new TreePath(path, qualifier), scope);
      }
    }
    return callbacks(List.of(new MethodSummary.Callback(unit.signature(target), receiver, true)));
  }

  /**
   * An instance of an anonymous or local class carries its methods; another new object is of
   * exactly its class.
   */
  private MethodSummary.Argument newInstance(NewClassTree creation, TreePath path, LocalScope scope) {
    Element created =
        creation.getClassBody() != null
            ? unit.trees().getElement(new TreePath(path, creation.getClassBody()))
            : unit.trees().getElement(new TreePath(path, creation.getIdentifier()));
    if (!(created instanceof TypeElement type)) {
      return MethodSummary.NO_ARGUMENT;
    }
    if (!(type.getNestingKind() == NestingKind.ANONYMOUS || type.getNestingKind() == NestingKind.LOCAL)) {
      return unit.keys().argument(path, scope);
    }
    List<MethodSummary.Callback> callbacks = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (!method.getModifiers().contains(Modifier.STATIC)) {
        callbacks.add(new MethodSummary.Callback(unit.signature(method), null, false));
      }
    }
    return callbacks(callbacks);
  }

  /**
   * A variable or field ({@code expression}, {@code path} without its casts): the lock it would be
   * if a callee locks the parameter it is passed as, of the type {@code path} gives it.
   */
  private MethodSummary.Argument reference(TreePath path, TreePath expression, LocalScope scope) {
    Tree leaf = expression.getLeaf();
    if (leaf instanceof MemberSelectTree select && select.getIdentifier().contentEquals("class")) {
      return MethodSummary.NO_ARGUMENT;
    }
    TypeMirror type = unit.trees().getTypeMirror(path);
    if (type != null && type.getKind() == TypeKind.BOOLEAN && leaf instanceof IdentifierTree id) {
      // A boolean parameter passed on: whatever constant its own caller passed, the callee gets.
      Element element = unit.trees().getElement(expression);
      return element != null && element.getKind() == ElementKind.PARAMETER && scope.effectivelyFinal(element)
          ? MethodSummary.Argument.ofInstance(LockClassKeys.localName(id.getName()))
          : MethodSummary.NO_ARGUMENT;
    }
    if (type == null || type.getKind() != TypeKind.DECLARED) {
      return MethodSummary.NO_ARGUMENT;
    }
    // Only a value class prints as one; printing every argument's type costs more than the lookup.
    if (valueClasses.contains(((DeclaredType) type).asElement()) && VALUES.contains(type.toString())) {
      return MethodSummary.NO_ARGUMENT;
    }
    return unit.keys().argument(path, scope);
  }

  private static MethodSummary.Argument callbacks(List<MethodSummary.Callback> callbacks) {
    return callbacks.isEmpty() ? MethodSummary.NO_ARGUMENT : MethodSummary.Argument.ofCallbacks(callbacks);
  }
}
