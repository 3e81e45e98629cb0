package dev.lockdep.checker.analysis;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.lockdep.lockgraph.program.MethodSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Which tasks a wait ({@code Future.get}, {@code CompletableFuture.join}, {@code Thread.join})
 * waits for, by the ids of the bodies they run ({@link MethodSummary.CallSite#awaits}): the wait's
 * receiver is made by handing a task to another thread, as the waiting body or its unit can see.
 * <ul>
 *   <li>a call that hands a task over ({@code executor.submit(task)}, {@code
 *       CompletableFuture.supplyAsync(task)}, {@code runAsync(task)}, on the JDK's {@code
 *       java.util.concurrent} types or their overrides): the bodies its arguments carry;
 *   <li>{@code new Thread(task)}: likewise; {@code new Poller()} of a program subclass of {@code
 *       Thread}: its {@code run()};
 *   <li>an effectively final local initialised with one of those;
 *   <li>a private field of this unit that every assignment and its initializer give one of those
 *       or {@code null}: the union of their tasks;
 *   <li>{@code this}, or no receiver, in a program subclass of {@code Thread} ({@code join()} in
 *       its {@code shutdown()}, which another thread calls): its {@code run()}.
 * </ul>
 * A future or thread from anywhere else (a parameter, another unit's field, a field also given
 * other values) is no known task.
 */
final class AwaitedTasks {
  /** The JDK's methods that hand a task to another thread and return what waits for it, by name. */
  private static final Set<String> SUBMISSIONS = Set.of("submit", "supplyAsync", "runAsync");

  /** The methods of a task object that run it: a {@code Runnable}'s, a {@code Callable}'s, a {@code Supplier}'s. */
  private static final List<String> TASK_METHODS = List.of("#run()", "#call()", "#get()");

  private final UnitContext unit;
  /** Per private field of the unit, the values given to it (its initializer and every assignment); built on first use. */
  private Map<Element, List<TreePath>> fieldValues;

  AwaitedTasks(UnitContext unit) {
    this.unit = unit;
  }

  /** The bodies the wait at {@code wait} waits for, by id; none when its receiver is no known task. */
  List<String> of(TreePath wait, LocalScope scope) {
    TreePath receiver = LockClassKeys.receiver(wait);
    TreePath value = receiver == null ? null : LockClassKeys.withoutParenthesesAndCasts(receiver);
    if (value == null || isThis(value.getLeaf())) {
      // A thread waiting for itself from its own methods (`join()` in a Thread subclass's
      // `shutdown()`), which another thread calls: the wait is for the class's run().
      String run = ownThread(wait);
      return run == null ? List.of() : List.of(run);
    }
    Element variable =
        value.getLeaf().getKind() == Tree.Kind.IDENTIFIER || value.getLeaf().getKind() == Tree.Kind.MEMBER_SELECT
            ? unit.trees().getElement(value)
            : null;
    if (variable != null && variable.getKind() == ElementKind.LOCAL_VARIABLE) {
      TreePath init = scope.effectivelyFinal(variable) ? scope.initializer(variable) : null;
      return init == null ? List.of() : tasks(LockClassKeys.withoutParenthesesAndCasts(init), scope);
    }
    if (variable != null && variable.getKind() == ElementKind.FIELD) {
      return fieldTasks(variable);
    }
    return tasks(value, scope);
  }

  private static boolean isThis(Tree tree) {
    return tree instanceof IdentifierTree identifier && identifier.getName().contentEquals("this");
  }

  /**
   * The {@code run()} of the innermost class enclosing {@code wait} that is a program subclass of
   * {@code Thread} ({@link #threadRun}): the object a wait on {@code this} or the implicit receiver
   * waits for; null where there is none.
   */
  private String ownThread(TreePath wait) {
    for (TreePath path = wait; path != null; path = path.getParentPath()) {
      if (path.getLeaf() instanceof ClassTree && unit.trees().getElement(path) instanceof TypeElement type) {
        String run = threadRun(type);
        if (run != null) {
          return run;
        }
      }
    }
    return null;
  }

  /** The tasks of a private field of this unit: of every value given to it, when each is a task or {@code null}. */
  private List<String> fieldTasks(Element field) {
    if (!field.getModifiers().contains(Modifier.PRIVATE)) {
      return List.of();
    }
    List<TreePath> values = fieldValues().get(field);
    if (values == null) {
      return List.of();
    }
    Set<String> tasks = new LinkedHashSet<>();
    for (TreePath value : values) {
      TreePath given = LockClassKeys.withoutParenthesesAndCasts(value);
      if (given.getLeaf().getKind() == Tree.Kind.NULL_LITERAL) {
        continue;
      }
      List<String> own = tasks(given, LocalScope.NONE);
      if (own.isEmpty()) {
        return List.of();
      }
      tasks.addAll(own);
    }
    return List.copyOf(tasks);
  }

  /** The tasks the value at {@code value} was made with; none when it is not made by handing one over. */
  private List<String> tasks(TreePath value, LocalScope scope) {
    Tree leaf = value.getLeaf();
    List<? extends ExpressionTree> arguments;
    if (leaf instanceof MethodInvocationTree submit
        && unit.trees().getElement(value) instanceof ExecutableElement method
        && SUBMISSIONS.contains(method.getSimpleName().toString())
        && ofJdkConcurrency(method)) {
      arguments = submit.getArguments();
    } else if (leaf instanceof NewClassTree thread && unit.trees().getTypeMirror(value) instanceof DeclaredType type) {
      TypeElement created = (TypeElement) type.asElement();
      if (!created.getQualifiedName().contentEquals("java.lang.Thread")) {
        String run = threadRun(created);
        return run == null ? List.of() : List.of(run);
      }
      arguments = thread.getArguments();
    } else {
      return List.of();
    }
    List<String> tasks = new ArrayList<>();
    for (ExpressionTree argument : arguments) {
      TreePath given = new TreePath(value, argument);
      List<MethodSummary.Callback> callbacks = unit.callbacks().argument(given, scope).callbacks();
      for (MethodSummary.Callback callback : callbacks) {
        if (callback.functional() || TASK_METHODS.stream().anyMatch(callback.target()::endsWith)) {
          tasks.add(callback.target());
        }
      }
      String named = callbacks.isEmpty() ? namedTask(given) : null;
      if (named != null) {
        tasks.add(named);
      }
    }
    return tasks;
  }

  /**
   * The task an object of a named class of the program is, handed over as {@code this} or made
   * right there ({@code new Thread(this, name)}, {@code executor.submit(new Flusher())}): its class's
   * {@code run()}, or {@code call()}; null for any other argument, whose class is not known.
   */
  private String namedTask(TreePath argument) {
    Tree leaf = argument.getLeaf();
    boolean self = leaf instanceof IdentifierTree identifier && identifier.getName().contentEquals("this");
    boolean made = leaf instanceof NewClassTree created && created.getClassBody() == null;
    if (!self && !made) {
      return null;
    }
    if (!(unit.trees().getTypeMirror(argument) instanceof DeclaredType type)) {
      return null;
    }
    TypeElement task = (TypeElement) type.asElement();
    String run = ownMethod(task, "run");
    return run != null ? run : ownMethod(task, "call");
  }

  /**
   * The id of the {@code run()} an object of {@code type}, a program subclass of {@code Thread},
   * runs on its thread: its own or the nearest superclass's below {@code Thread}; null for another
   * type, or one whose {@code run()} is the JDK's.
   */
  private String threadRun(TypeElement type) {
    for (TypeElement t = type; t != null; t = superclass(t)) {
      if (t.getQualifiedName().contentEquals("java.lang.Thread")) {
        return ownMethod(type, "run");
      }
    }
    return null;
  }

  /**
   * The id of the method {@code name()} without parameters that an object of {@code type} runs, if
   * the program declares it: {@code type}'s own or the nearest superclass's below the JDK's.
   */
  private String ownMethod(TypeElement type, String name) {
    for (TypeElement t = type; t != null && !unit.lookups().ofJdk(t); t = superclass(t)) {
      for (ExecutableElement method : ElementFilter.methodsIn(t.getEnclosedElements())) {
        if (method.getSimpleName().contentEquals(name) && method.getParameters().isEmpty()) {
          return unit.signature(method);
        }
      }
    }
    return null;
  }

  private static TypeElement superclass(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    return superclass instanceof DeclaredType declared ? (TypeElement) declared.asElement() : null;
  }

  /** Whether {@code method} is, or overrides, a method of a {@code java.util.concurrent} type. */
  private boolean ofJdkConcurrency(ExecutableElement method) {
    for (ExecutableElement declared : unit.operations().withOverridden(method)) {
      if (declared.getEnclosingElement() instanceof TypeElement owner
          && owner.getQualifiedName().toString().startsWith("java.util.concurrent.")) {
        return true;
      }
    }
    return false;
  }

  /** {@link #fieldValues}, scanned once over the unit: private fields are assigned nowhere else. */
  private Map<Element, List<TreePath>> fieldValues() {
    if (fieldValues == null) {
      Map<Element, List<TreePath>> found = new HashMap<>();
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitVariable(VariableTree node, Void unused) {
          Element element = unit.trees().getElement(getCurrentPath());
          if (element != null && element.getKind() == ElementKind.FIELD && node.getInitializer() != null) {
            found.computeIfAbsent(element, e -> new ArrayList<>()).add(new TreePath(getCurrentPath(), node.getInitializer()));
          }
          return super.visitVariable(node, null);
        }

        @Override
        public Void visitAssignment(AssignmentTree node, Void unused) {
          Element element = unit.trees().getElement(new TreePath(getCurrentPath(), node.getVariable()));
          if (element != null && element.getKind() == ElementKind.FIELD) {
            found.computeIfAbsent(element, e -> new ArrayList<>()).add(new TreePath(getCurrentPath(), node.getExpression()));
          }
          return super.visitAssignment(node, null);
        }
      }.scan(new TreePath(unit.unit()), null);
      fieldValues = found;
    }
    return fieldValues;
  }
}
