package dev.lockdep.checker.analysis;

import static dev.lockdep.checker.analysis.LockClassKeys.child;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.lockdep.lockgraph.Provenance;
import dev.lockdep.lockgraph.program.MethodSummary;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;

/**
 * Where a body's objects go, for the program's type flow ({@link MethodSummary.Flow}): what each
 * field assignment, return, argument, collection insertion, call receiver and {@code synchronized}
 * object may be, as the {@code new} expressions, fields, parameters and call results it comes
 * from. A local is every value assigned to it that may reach the read ({@link #reaching}): an
 * assignment before the read, or one in a loop around both.
 */
final class TypeFlowFacts {
  private static final String UNKNOWN = "?";

  /**
   * The library methods that keep what they are passed: collections', maps', references' and
   * futures' ({@code remove} or {@code contains} only look at it).
   */
  /** The library methods of {@link #STORING} that keep what a function they are passed computes: a map's. */
  private static final Set<String> COMPUTING = Set.of("compute", "computeIfAbsent", "computeIfPresent", "merge");

  private static final Set<String> STORING =
      Set.of(
          "add", "addAll", "addFirst", "addLast", "offer", "offerFirst", "offerLast", "push", "put", "putAll",
          "putIfAbsent", "set", "lazySet", "setPlain", "setRelease", "compareAndSet", "weakCompareAndSet", "getAndSet",
          "replace", "replaceAll", "merge", "compute", "computeIfAbsent", "computeIfPresent", "setValue", "addElement",
          "insertElementAt", "setElementAt", "complete", "obtrudeValue", "transfer", "tryTransfer", "exchange",
          "putFirst", "putLast", "accept");

  /**
   * The library methods that copy what their receiver holds into their argument: {@code
   * c.toArray(a)} fills the array {@code a}, {@code q.drainTo(list)} moves the queue's elements.
   */
  private static final Set<String> COPYING_INTO = Set.of("toArray", "drainTo");

  private final UnitContext unit;
  /** Per local variable or parameter of the unit, the expressions assigned to it; built on first use. */
  private Map<Element, List<TreePath>> assigned;
  /** The flows of the unit's field initializers, found by the same walk, per class declaring the field. */
  private final Map<TypeElement, Map<String, TreeSet<String>>> initializers = new LinkedHashMap<>();
  /** The unit's field initializers, in the order of the walk. */
  private final List<TreePath> fieldValues = new ArrayList<>();
  /** The fields {@link #fieldValues} initialise, in the same order. */
  private final List<Element> initialized = new ArrayList<>();
  /** Per local, the method whose parameters its sources name and the values that reach a read: its sources. */
  private final Map<Element, Map<LocalRead, Set<String>>> localSources = new HashMap<>();

  /** What a local's sources at a read depend on: the method, and which of its values reach the read. */
  private record LocalRead(ExecutableElement method, BitSet reaching) {}

  TypeFlowFacts(UnitContext unit) {
    this.unit = unit;
  }

  /** The flows of the body at {@code body}: a method's block, a lambda's body or an initializer block. */
  List<MethodSummary.Flow> body(TreePath body) {
    ExecutableElement method =
        body.getParentPath().getLeaf() instanceof MethodTree
            ? (ExecutableElement) unit.trees().getElement(body.getParentPath())
            : null;
    Map<String, TreeSet<String>> flows = new LinkedHashMap<>();
    scan(body, method, flows);
    if (body.getLeaf() instanceof ExpressionTree && isObject(body)) {
      // An expression lambda returns its expression.
      add(flows, "R", sources(body, null));
    }
    return flows(flows);
  }

  /** Adds the flows of the code at {@code root}, run in {@code method} (null: no method's), to {@code flows}. */
  private void scan(TreePath root, ExecutableElement method, Map<String, TreeSet<String>> flows) {
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree node, Void unused) {
        return null; // a body of its own
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        return null; // a body of its own
      }

      @Override
      public Void visitAssignment(AssignmentTree node, Void unused) {
        TreePath target = child(getCurrentPath(), node.getVariable());
        Element element = unit.trees().getElement(target);
        TreePath value = child(getCurrentPath(), node.getExpression());
        if (element instanceof VariableElement field && element.getKind() == ElementKind.FIELD
            && mayHoldProgramObjects(field.asType())) {
          add(flows, "F " + LockClassKeys.fieldKeyText(field), sources(value, method));
        } else if (node.getVariable() instanceof ArrayAccessTree array) {
          write(flows, child(target, array.getExpression()), List.of(value), method);
        }
        return super.visitAssignment(node, null);
      }

      @Override
      public Void visitReturn(ReturnTree node, Void unused) {
        TreePath returned = node.getExpression() == null ? null : child(getCurrentPath(), node.getExpression());
        if (returned != null && isObject(returned)) {
          Set<String> sources = sources(returned, method);
          Tree expression = LockClassKeys.withoutParentheses(returned).getLeaf();
          if (sources.isEmpty() && expression instanceof NewClassTree
              && unit.trees().getTypeMirror(returned) instanceof DeclaredType created) {
            // A new object of a library type (return new ArrayList<>(4)): the body is a factory,
            // each of whose calls is an object of its own.
            sources = Set.of("A " + ((TypeElement) created.asElement()).getQualifiedName());
          }
          add(flows, "R", sources);
        }
        return super.visitReturn(node, null);
      }

      @Override
      public Void visitSynchronized(SynchronizedTree node, Void unused) {
        Provenance at = unit.provenance(node, "");
        add(flows, "M " + at.line() + ":" + at.column(), sources(child(getCurrentPath(), node.getExpression()), method));
        return super.visitSynchronized(node, null);
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void unused) {
        if (unit.trees().getElement(getCurrentPath()) instanceof ExecutableElement constructor) {
          arguments(flows, getCurrentPath(), constructor, node.getArguments(), method);
        }
        return super.visitNewClass(node, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        TreePath path = getCurrentPath();
        if (unit.trees().getElement(path) instanceof ExecutableElement callee) {
          TreePath receiver = LockClassKeys.receiver(path);
          boolean instance = !callee.getModifiers().contains(Modifier.STATIC);
          if (ofLibrary(callee, receiver)) {
            TreePath copy = instance && receiver != null ? copiedInto(path) : null;
            if (copy != null && unit.trees().getElement(copy) instanceof VariableElement field
                && field.getKind() == ElementKind.FIELD && mayHoldProgramObjects(field.asType())) {
              add(flows, "F " + LockClassKeys.fieldKeyText(field), sources(receiver, method));
            }
            List<TreePath> passed = new ArrayList<>();
            List<TreePath> functions = new ArrayList<>();
            for (ExpressionTree argument : node.getArguments()) {
              TreePath argumentPath = child(path, argument);
              if (isObject(argumentPath)) {
                (isFunction(argument) ? functions : passed).add(argumentPath);
              }
            }
            if (instance && receiver != null && holds(receiver, callee)) {
              // A collection, array or other library object is given what it is passed to hold (a
              // listener lambda too), and a map what the function it is passed computes
              // (`computeIfAbsent(k, k -> new Manager())`).
              boolean computes = COMPUTING.contains(callee.getSimpleName().toString());
              if (!computes && !callee.getSimpleName().contentEquals("replaceAll")) {
                passed.addAll(functions);
              }
              write(flows, receiver, passed, method);
              Set<String> computed = computes ? computed(path) : Set.of();
              for (String source : computed.isEmpty() ? Set.<String>of() : sources(receiver, method)) {
                if (!source.equals(UNKNOWN) && source.charAt(0) != 'N') {
                  add(flows, "W " + source, computed);
                }
              }
            } else {
              // Any other library code may keep what it is passed and hand it back where the flow
              // does not follow (a reflective constructor's arguments, a queue of its own).
              escape(flows, passed, method);
            }
          } else {
            arguments(flows, path, callee, node.getArguments(), method);
          }
          // The receiver of a call that may run an override or an inherited body, for dispatch and
          // the runtime type of the body's `this` (a final method that calls overridable ones on
          // itself runs those of its receiver's class); and of one that passes
          // the object itself or a callback of its own, a registration, whatever the method.
          // A listener support's fire runs the listeners the receiver keeps: the receiver's
          // contents are the listener method's receivers (UnitContext#callSignature).
          if (instance && receiver != null
              && (runsOnItsClass(callee) || registers(path) || unit.callbacks().firedListener(callee) != null)
              && !isThis(receiver) && isObject(receiver)) {
            Provenance at = unit.provenance(node, "");
            add(
                flows, "U " + at.line() + ":" + at.column() + " " + unit.callSignature(callee),
                receiverSources(receiver, method));
          }
        }
        return super.visitMethodInvocation(node, null);
      }
    }.scan(root, null);
  }

  /**
   * The sources of a call's receiver; for a cast ({@code ((LifeCycle2) filter).stop(t)}), also
   * the program type the cast's operand is declared as, {@code B pkg.Type}: the object is of both,
   * wherever it came from.
   */
  private Set<String> receiverSources(TreePath receiver, ExecutableElement method) {
    Set<String> sources = sources(receiver, method);
    TreePath cast = LockClassKeys.withoutParentheses(receiver);
    if (cast.getLeaf() instanceof TypeCastTree typeCast) {
      String declared = unit.keys().programTypeName(unit.trees().getTypeMirror(child(cast, typeCast.getExpression())));
      if (declared != null) {
        sources.add("B " + declared);
      }
    }
    return sources;
  }

  /**
   * The flows of the field initializers of the unit's classes, per class declaring the fields, in
   * the order of the walk: what each field is given, and the objects its initializer passes on
   * ({@code executor = new Executor(this)} gives the executor's constructor this object). They run
   * on an object of that class: its {@code this} creates what they create.
   */
  Map<TypeElement, List<MethodSummary.Flow>> fieldInitializers() {
    assigned();
    for (int i = 0; i < fieldValues.size(); i++) {
      scan(fieldValues.get(i), null, initializers(initialized.get(i)));
    }
    Map<TypeElement, List<MethodSummary.Flow>> byClass = new LinkedHashMap<>();
    initializers.forEach((owner, flows) -> {
      if (!flows.isEmpty()) {
        byClass.put(owner, flows(flows));
      }
    });
    return byClass;
  }

  /** The flows of the initializers of {@code field}'s class. */
  private Map<String, TreeSet<String>> initializers(Element field) {
    return initializers.computeIfAbsent((TypeElement) field.getEnclosingElement(), owner -> new LinkedHashMap<>());
  }

  private static List<MethodSummary.Flow> flows(Map<String, TreeSet<String>> flows) {
    List<MethodSummary.Flow> list = new ArrayList<>(flows.size());
    flows.forEach((target, sources) -> list.add(new MethodSummary.Flow(target, List.copyOf(sources))));
    return list;
  }

  private static void add(Map<String, TreeSet<String>> flows, String target, Set<String> sources) {
    if (!sources.isEmpty()) {
      flows.computeIfAbsent(target, t -> new TreeSet<>()).addAll(sources);
    }
  }

  /** The arguments of a call of {@code callee}, each to its parameter; a variable arity's extra ones to the last. */
  private void arguments(
      Map<String, TreeSet<String>> flows, TreePath call, ExecutableElement callee, List<? extends ExpressionTree> arguments,
      ExecutableElement method) {
    int parameters = callee.getParameters().size();
    String signature = unit.signature(callee);
    // An @Async callee runs the lambdas it is passed on another thread, in their own roots.
    boolean async = unit.callee(callee).async();
    for (int i = 0; i < arguments.size() && parameters > 0; i++) {
      TreePath argument = child(call, arguments.get(i));
      if (isObject(argument)) {
        Set<String> sources = sources(argument, method);
        if (async) {
          sources.removeIf(source -> source.startsWith("N " + MethodSummary.FUNCTION));
        }
        add(flows, "A " + signature + "#" + Math.min(i, parameters - 1), sources);
      }
    }
  }

  /** What {@code values} are goes where the flow does not follow. */
  private void escape(Map<String, TreeSet<String>> flows, List<TreePath> values, ExecutableElement method) {
    add(flows, "E", followed(values, method));
  }

  /** The sources of {@code values} that the flow follows: {@link #UNKNOWN} adds nothing to a holder. */
  private Set<String> followed(List<TreePath> values, ExecutableElement method) {
    Set<String> sources = new TreeSet<>();
    for (TreePath value : values) {
      sources.addAll(sources(value, method));
    }
    sources.remove(UNKNOWN);
    return sources;
  }

  /** What {@code values} are is held by the object {@code holder} names, as its sources name it. */
  private void write(Map<String, TreeSet<String>> flows, TreePath holder, List<TreePath> values, ExecutableElement method) {
    if (values.isEmpty()) {
      return;
    }
    Set<String> held = followed(values, method);
    for (String source : sources(holder, method)) {
      if (!source.equals(UNKNOWN) && source.charAt(0) != 'N') {
        add(flows, "W " + source, held);
      }
    }
  }

  /** The sources of the object {@code path}'s expression is, in the terms of {@link MethodSummary.Flow}. */
  private Set<String> sources(TreePath path, ExecutableElement method) {
    Set<String> into = new TreeSet<>();
    sources(path, method, into, new HashSet<>());
    return into;
  }

  private void sources(TreePath path, ExecutableElement method, Set<String> into, Set<Element> visiting) {
    Tree tree = path.getLeaf();
    if (tree instanceof ExpressionTree && !isObject(path)) {
      // A String or a number made from an object (`a.toString()`) holds nothing of the program's.
      return;
    }
    switch (tree.getKind()) {
      case PARENTHESIZED -> sources(child(path, ((ParenthesizedTree) tree).getExpression()), method, into, visiting);
      case TYPE_CAST -> sources(child(path, ((TypeCastTree) tree).getExpression()), method, into, visiting);
      case ASSIGNMENT -> sources(child(path, ((AssignmentTree) tree).getExpression()), method, into, visiting);
      case CONDITIONAL_EXPRESSION -> {
        ConditionalExpressionTree conditional = (ConditionalExpressionTree) tree;
        sources(child(path, conditional.getTrueExpression()), method, into, visiting);
        sources(child(path, conditional.getFalseExpression()), method, into, visiting);
      }
      case NULL_LITERAL, STRING_LITERAL, INT_LITERAL, LONG_LITERAL, BOOLEAN_LITERAL, CHAR_LITERAL, FLOAT_LITERAL,
          DOUBLE_LITERAL -> {}
      case LAMBDA_EXPRESSION, MEMBER_REFERENCE -> {
        // An object of no class of the program, of its functional interface alone: kept in a field
        // or a map and called later, it runs the body it carries for the interface's method
        // (MethodSummary#FUNCTION), the interface's default methods and no class's override.
        String type = unit.keys().programTypeName(unit.trees().getTypeMirror(path));
        if (type != null) {
          into.add("N " + type);
        }
        String function = functionalMethod(unit.trees().getTypeMirror(path));
        List<MethodSummary.Callback> carried =
            function == null ? List.of() : unit.callbacks().argument(path, LocalScope.NONE).callbacks();
        for (MethodSummary.Callback callback : carried) {
          boolean onThis = tree.getKind() == Tree.Kind.LAMBDA_EXPRESSION || "this".equals(callback.receiver());
          into.add("N " + MethodSummary.function(function, callback.target(), onThis ? thisClass(path) : null));
        }
        if (type == null && carried.isEmpty()) {
          into.add(UNKNOWN);
        }
      }
      case NEW_CLASS -> {
        String type = unit.keys().programTypeName(unit.trees().getTypeMirror(path));
        if (type != null) {
          into.add("N " + type);
        }
      }
      case NEW_ARRAY -> {
        NewArrayTree array = (NewArrayTree) tree;
        if (array.getInitializers() != null) {
          for (ExpressionTree element : array.getInitializers()) {
            sources(child(path, element), method, into, visiting);
          }
        }
      }
      case ARRAY_ACCESS -> sources(child(path, ((ArrayAccessTree) tree).getExpression()), method, into, visiting);
      case IDENTIFIER, MEMBER_SELECT -> variable(path, method, into, visiting);
      case METHOD_INVOCATION -> {
        TreePath receiver = LockClassKeys.receiver(path);
        if (!(unit.trees().getElement(path) instanceof ExecutableElement callee)) {
          into.add(UNKNOWN);
          return;
        }
        boolean library = ofLibrary(callee, receiver);
        List<Integer> through;
        boolean onObject = receiver != null && !callee.getModifiers().contains(Modifier.STATIC) && isObject(receiver);
        if (library && returnsWhatItHolds(callee)) {
          // What a library call returns is what its receiver and arguments hold: the element of a
          // collection, the object an Optional or a reference wraps, an array's copy.
          int before = into.size();
          if (onObject) {
            sources(receiver, method, into, visiting);
          }
          for (ExpressionTree argument : ((MethodInvocationTree) tree).getArguments()) {
            if (isObject(child(path, argument))) {
              sources(child(path, argument), method, into, visiting);
            }
          }
          if (into.size() == before) {
            into.add(UNKNOWN);
          }
        } else if (!(through = passedThrough(callee)).isEmpty()) {
          // A generic method of another compilation that hands back what it is given
          // (`Preconditions.checkNotNull(onClose, "onClose")`): the arguments of its type variable.
          List<? extends ExpressionTree> arguments = ((MethodInvocationTree) tree).getArguments();
          for (int i : through) {
            if (i < arguments.size()) {
              sources(child(path, arguments.get(i)), method, into, visiting);
            }
          }
        } else {
          into.add("C " + unit.signature(callee));
          if (library && onObject) {
            // What the program's implementations return, unless the receiver may be a library's
            // object, whose own implementation returns what the flow cannot follow.
            Set<String> receivers = new TreeSet<>();
            sources(receiver, method, receivers, visiting);
            for (String made : receivers) {
              into.add("K " + made);
            }
          }
        }
      }
      default -> into.add(UNKNOWN);
    }
  }

  /** The sources of a name: a field, the body's parameter, or every value of a local. */
  private void variable(TreePath path, ExecutableElement method, Set<String> into, Set<Element> visiting) {
    Element element = unit.trees().getElement(path);
    if (element == null) {
      into.add(UNKNOWN);
      return;
    }
    Name name = path.getLeaf() instanceof MemberSelectTree select ? select.getIdentifier() : null;
    if (isThis(path) || (name != null && isThisOrSuper(name))) {
      // The object the body runs on: of its class or a subclass.
      String type = unit.keys().programTypeName(unit.trees().getTypeMirror(path));
      into.add(type == null ? UNKNOWN : "T " + type);
      return;
    }
    if (name != null && name.contentEquals("class") && element.getKind() == ElementKind.FIELD) {
      // A class literal (javac's field `class`) is a `Class` of the JDK, no object of the
      // program: it names nothing, so a library call given only it (`ServiceLoader.load(X.class)`,
      // reflection) returns what the flow cannot follow, not the nothing a field no body sets holds.
      return;
    }
    switch (element.getKind()) {
      case FIELD -> into.add("F " + LockClassKeys.fieldKeyText((VariableElement) element));
      case ENUM_CONSTANT -> {}
      case PARAMETER -> {
        int position = method == null ? -1 : method.getParameters().indexOf(element);
        if (position < 0) {
          // A lambda's parameter, or one of the method enclosing this body.
          into.add(UNKNOWN);
          return;
        }
        into.add("P " + position);
        locals(path, element, method, into, visiting);
      }
      case LOCAL_VARIABLE, RESOURCE_VARIABLE -> {
        if (!locals(path, element, method, into, visiting)) {
          into.add(UNKNOWN);
        }
      }
      // `this`, `super`, a caught exception, a pattern's binding.
      default -> into.add(UNKNOWN);
    }
  }

  /**
   * Adds the sources of every value assigned to {@code local} that may reach its read at {@code
   * read}; false when it has none.
   */
  private boolean locals(TreePath read, Element local, ExecutableElement method, Set<String> into, Set<Element> visiting) {
    List<TreePath> all = assigned().get(local);
    if (all == null) {
      return visiting.contains(local);
    }
    BitSet reaching = reaching(all, read);
    if (visiting.isEmpty()) {
      // A local is asked for at each use: its sources are found once per method and set of values.
      Map<LocalRead, Set<String>> known = localSources.computeIfAbsent(local, l -> new HashMap<>(2));
      LocalRead key = new LocalRead(method, reaching);
      Set<String> sources = known.get(key);
      if (sources == null) {
        sources = new TreeSet<>();
        Set<Element> own = new HashSet<>();
        own.add(local);
        for (int i = reaching.nextSetBit(0); i >= 0; i = reaching.nextSetBit(i + 1)) {
          sources(all.get(i), method, sources, own);
        }
        known.put(key, sources);
      }
      into.addAll(sources);
      return true;
    }
    if (visiting.add(local)) {
      for (int i = reaching.nextSetBit(0); i >= 0; i = reaching.nextSetBit(i + 1)) {
        sources(all.get(i), method, into, visiting);
      }
    }
    return true;
  }

  /**
   * Which of a local's {@code values} may be what it holds at {@code read}: those assigned before
   * the read in the source, and those assigned in a loop that also holds the read. Without loops,
   * Java's control flow only goes forward, so an assignment after a read, or the one whose right
   * side makes the read ({@code t = new MutexTransport(t)}), cannot reach it: a decorator chain
   * built in one local does not wrap each decorator in itself.
   */
  private BitSet reaching(List<TreePath> values, TreePath read) {
    BitSet reaching = new BitSet(values.size());
    long start = unit.positions().getStartPosition(unit.unit(), read.getLeaf());
    for (int i = 0; i < values.size(); i++) {
      TreePath value = values.get(i);
      if (start < 0 || assignedBy(value) <= start || inOneLoop(value, read)) {
        reaching.set(i);
      }
    }
    return reaching;
  }

  /**
   * Where the assignment of {@code value} is done: the end of the assignment or declaration it is
   * the right side of; of the expression a loop's variable iterates over; of the call that copies
   * into the local.
   */
  private long assignedBy(TreePath value) {
    TreePath done = value;
    Tree parent = value.getParentPath().getLeaf();
    if (parent instanceof AssignmentTree || parent instanceof VariableTree) {
      done = value.getParentPath();
    } else if (!(parent instanceof EnhancedForLoopTree)) {
      for (TreePath p = value; p != null; p = p.getParentPath()) {
        if (p.getLeaf() instanceof MethodInvocationTree) {
          done = p;
          break;
        }
      }
    }
    return unit.positions().getEndPosition(unit.unit(), done.getLeaf());
  }

  /** Whether a loop of the body encloses both {@code a} and {@code b}. */
  private static boolean inOneLoop(TreePath a, TreePath b) {
    Set<Tree> loops = new HashSet<>();
    for (TreePath p = a; p != null && !LockClassKeys.isBodyBoundary(p.getLeaf()); p = p.getParentPath()) {
      if (isLoop(p.getLeaf())) {
        loops.add(p.getLeaf());
      }
    }
    if (loops.isEmpty()) {
      return false;
    }
    for (TreePath p = b; p != null && !LockClassKeys.isBodyBoundary(p.getLeaf()); p = p.getParentPath()) {
      if (loops.contains(p.getLeaf())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLoop(Tree tree) {
    return switch (tree.getKind()) {
      case FOR_LOOP, ENHANCED_FOR_LOOP, WHILE_LOOP, DO_WHILE_LOOP -> true;
      default -> false;
    };
  }

  private Map<Element, List<TreePath>> assigned() {
    if (assigned == null) {
      Map<Element, List<TreePath>> found = new HashMap<>();
      // Field initializers are resolved once every local's values are known.
      List<Element> pending = new ArrayList<>();
      List<TreePath> pendingValues = new ArrayList<>();
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitVariable(VariableTree node, Void unused) {
          Element element = unit.trees().getElement(getCurrentPath());
          if (element != null && element.getKind() == ElementKind.FIELD) {
            // The field's declared type: it holds objects of that type only.
            String type = unit.keys().programTypeName(element.asType());
            if (type != null) {
              add(initializers(element), "Y F " + LockClassKeys.fieldKeyText((VariableElement) element), Set.of(type));
            }
          }
          if (node.getInitializer() != null && element != null) {
            TreePath value = child(getCurrentPath(), node.getInitializer());
            if (element.getKind() == ElementKind.FIELD) {
              fieldValues.add(value);
              initialized.add(element);
            }
            if (element.getKind() != ElementKind.FIELD) {
              found.computeIfAbsent(element, e -> new ArrayList<>(1)).add(value);
            } else if (mayHoldProgramObjects(element.asType())) {
              pending.add(element);
              pendingValues.add(value);
            }
          }
          return super.visitVariable(node, null);
        }

        @Override
        public Void visitAssignment(AssignmentTree node, Void unused) {
          Element element = unit.trees().getElement(child(getCurrentPath(), node.getVariable()));
          if (element != null && (element.getKind() == ElementKind.LOCAL_VARIABLE || element.getKind() == ElementKind.PARAMETER)) {
            found.computeIfAbsent(element, e -> new ArrayList<>(1)).add(child(getCurrentPath(), node.getExpression()));
          }
          return super.visitAssignment(node, null);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
          // `c.toArray(a)`: the array `a` holds what `c` holds, as if `a` were assigned `c`.
          TreePath call = getCurrentPath();
          // Most calls are no copy: the name is read before the call is resolved.
          TreePath copy = copiedInto(call);
          if (copy != null && !(unit.trees().getElement(call) instanceof ExecutableElement callee && ofJdk(callee)
              && !callee.getModifiers().contains(Modifier.STATIC))) {
            copy = null;
          }
          Element element = copy == null ? null : unit.trees().getElement(copy);
          TreePath receiver = copy == null ? null : LockClassKeys.receiver(call);
          if (receiver != null && element != null
              && (element.getKind() == ElementKind.LOCAL_VARIABLE || element.getKind() == ElementKind.PARAMETER)) {
            found.computeIfAbsent(element, e -> new ArrayList<>(1)).add(receiver);
          }
          return super.visitMethodInvocation(node, null);
        }

        @Override
        public Void visitEnhancedForLoop(EnhancedForLoopTree node, Void unused) {
          // The loop's variable is an element of what it iterates: that collection's sources.
          Element element = unit.trees().getElement(child(getCurrentPath(), node.getVariable()));
          if (element != null) {
            found.computeIfAbsent(element, e -> new ArrayList<>(1)).add(child(getCurrentPath(), node.getExpression()));
          }
          return super.visitEnhancedForLoop(node, null);
        }
      }.scan(new TreePath(unit.unit()), null);
      assigned = found;
      for (int i = 0; i < pending.size(); i++) {
        add(
            initializers(pending.get(i)), "F " + LockClassKeys.fieldKeyText((VariableElement) pending.get(i)),
            sources(pendingValues.get(i), null));
      }
    }
    return assigned;
  }

  /**
   * Whether a library call on {@code receiver} may give it something to hold: a method that keeps
   * what it is passed ({@link #STORING}) of a library object that may hold the program's objects.
   */
  private boolean holds(TreePath receiver, ExecutableElement callee) {
    TypeMirror type = unit.trees().getTypeMirror(receiver);
    return (STORING.contains(callee.getSimpleName().toString()) || unit.callbacks().registersListener(callee))
        && unit.keys().programTypeName(type) == null
        && mayHoldProgramObjects(type);
  }

  /**
   * The variable a call at {@code call} named like a library copy ({@link #COPYING_INTO}) copies
   * its receiver's contents into, when its one argument names one; else null. By name alone: the
   * caller asks whether the method is the library's.
   */
  private static TreePath copiedInto(TreePath call) {
    MethodInvocationTree invocation = (MethodInvocationTree) call.getLeaf();
    List<? extends ExpressionTree> arguments = invocation.getArguments();
    ExpressionTree select = invocation.getMethodSelect();
    if (arguments.size() != 1 || !(select instanceof MemberSelectTree member)
        || !COPYING_INTO.contains(member.getIdentifier().toString())) {
      return null;
    }
    ExpressionTree argument = arguments.get(0);
    return argument instanceof IdentifierTree || argument instanceof MemberSelectTree ? child(call, argument) : null;
  }

  /**
   * Whether a call with {@code arguments} passes the body's object ({@code this}) or an anonymous
   * or local object it creates there, whose enclosing instance it is: a registration with the
   * receiver ({@code metadata.addListener(new Listener() { ... })}).
   */
  private boolean registers(TreePath call) {
    for (ExpressionTree argument : ((MethodInvocationTree) call.getLeaf()).getArguments()) {
      if (argument instanceof IdentifierTree id && isThisOrSuper(id.getName())) {
        return true;
      }
      if (argument instanceof NewClassTree
          && unit.trees().getTypeMirror(child(call, argument)) instanceof DeclaredType created
          && created.asElement() instanceof TypeElement type
          && (type.getNestingKind() == NestingKind.ANONYMOUS || type.getNestingKind() == NestingKind.LOCAL)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a call of {@code method} runs code whose object's class its receiver decides: an
   * instance method of a class that may have subclasses, overridden there or inherited by them.
   */
  private static boolean runsOnItsClass(ExecutableElement method) {
    return method.getKind() == ElementKind.METHOD
        && !(method.getEnclosingElement() instanceof TypeElement owner && owner.getModifiers().contains(Modifier.FINAL));
  }

  private boolean ofJdk(ExecutableElement method) {
    return method.getEnclosingElement() instanceof TypeElement owner && unit.lookups().ofJdk(owner);
  }

  /**
   * Whether a call of {@code method} on {@code receiver} (null: none) runs the library's code: a
   * JDK method, or one of an array ({@code arguments.clone()}), which javac declares in a class of
   * its own outside the JDK's packages.
   */
  private boolean ofLibrary(ExecutableElement method, TreePath receiver) {
    return ofJdk(method)
        || (receiver != null && unit.trees().getTypeMirror(receiver) instanceof ArrayType);
  }

  /**
   * Whether a library method may return what its receiver or arguments hold: its declared return
   * type names a type variable ({@code E get(int)}, {@code Iterator<E>}, {@code Future<?>}) or is
   * {@code Object} or an array of it ({@code toArray()}, {@code clone()}). Any other library method
   * ({@code Connection.createStatement()}, returning a {@code Statement}) returns an object of its
   * own, which the program's implementations of it return, if any ({@code C}); what the
   * receiver holds is not what it makes.
   */
  /**
   * Where {@code callee}, declared outside this compilation (no summary says what it returns),
   * returns a type variable of its own that parameters of it are declared as: their positions, the
   * arguments it hands back (or objects of the types the caller passed there); else none.
   */
  private List<Integer> passedThrough(ExecutableElement callee) {
    if (!(callee.getReturnType() instanceof TypeVariable variable)
        || variable.asElement().getEnclosingElement() != callee
        || unit.trees().getTree(callee) != null) {
      return List.of();
    }
    List<Integer> positions = new ArrayList<>(1);
    List<? extends VariableElement> parameters = callee.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      if (unit.lookups().sameType(parameters.get(i).asType(), variable)) {
        positions.add(i);
      }
    }
    return positions;
  }

  private static boolean returnsWhatItHolds(ExecutableElement callee) {
    return namesTypeVariable(callee.getReturnType());
  }

  private static boolean namesTypeVariable(TypeMirror type) {
    return switch (type.getKind()) {
      case TYPEVAR, WILDCARD, INTERSECTION, UNION -> true;
      case ARRAY -> namesTypeVariable(((ArrayType) type).getComponentType());
      case DECLARED -> {
        DeclaredType declared = (DeclaredType) type;
        if (declared.asElement() instanceof TypeElement element
            && element.getQualifiedName().contentEquals("java.lang.Object")) {
          yield true;
        }
        for (TypeMirror argument : declared.getTypeArguments()) {
          if (namesTypeVariable(argument)) {
            yield true;
          }
        }
        yield false;
      }
      default -> false;
    };
  }

  /**
   * Whether {@code path}'s expression may be, or hold, an object of the program's types: a program
   * type, a type variable, a library type the program may extend or implement ({@code Object}, a
   * {@code Connection}, a {@code Runnable}), a generic one (a collection, an {@code Optional}) or an
   * array of one. A {@code String}, an {@code Instant} or a boxed number, final and not generic, is
   * not followed: it can hold nothing of the program's, and following it would join the values it
   * meets.
   */
  private boolean isObject(TreePath path) {
    return mayHoldProgramObjects(unit.trees().getTypeMirror(path));
  }

  private boolean mayHoldProgramObjects(TypeMirror type) {
    if (type == null) {
      return false;
    }
    return switch (type.getKind()) {
      case TYPEVAR, INTERSECTION, UNION, WILDCARD -> true;
      case ARRAY -> mayHoldProgramObjects(((ArrayType) type).getComponentType());
      case DECLARED -> !unit.lookups().isFinalLibraryValue((TypeElement) ((DeclaredType) type).asElement());
      default -> false;
    };
  }

  /**
   * What the functions passed to the call at {@code call} return, as sources: a call of each
   * lambda or method the arguments carry ({@code C lambda@...}, whose return the flow knows).
   */
  private Set<String> computed(TreePath call) {
    Set<String> computed = new TreeSet<>();
    for (ExpressionTree argument : ((MethodInvocationTree) call.getLeaf()).getArguments()) {
      if (isFunction(argument)) {
        MethodSummary.Argument function = unit.callbacks().argument(child(call, argument), LocalScope.NONE);
        for (MethodSummary.Callback callback : function.callbacks()) {
          computed.add("C " + callback.target());
        }
      }
    }
    return computed;
  }

  /**
   * The id of the one abstract method of the functional interface {@code type}, as calls of it name
   * it; null for another type.
   */
  private String functionalMethod(TypeMirror type) {
    ExecutableElement method =
        type instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element
            ? unit.lookups().functionalMethod(element)
            : null;
    return method == null ? null : unit.signature(method);
  }

  /**
   * The class of {@code this} where {@code path} is: the innermost class around it, unless the code
   * there is static (a static method, initializer or field); else null.
   */
  private String thisClass(TreePath path) {
    for (TreePath p = path; p.getParentPath() != null; p = p.getParentPath()) {
      Tree member = p.getLeaf();
      if (p.getParentPath().getLeaf() instanceof ClassTree) {
        Element element = member instanceof BlockTree ? null : unit.trees().getElement(p);
        boolean isStatic = member instanceof BlockTree block
            ? block.isStatic()
            : element != null && element.getModifiers().contains(Modifier.STATIC);
        return !isStatic && unit.trees().getElement(p.getParentPath()) instanceof TypeElement type
            ? unit.lookups().typeName(type)
            : null;
      }
    }
    return null;
  }


  private static boolean isFunction(ExpressionTree argument) {
    return argument instanceof LambdaExpressionTree || argument.getKind() == Tree.Kind.MEMBER_REFERENCE;
  }

  /** Whether {@code path} is {@code this} or {@code super}: the object the body runs on. */
  private static boolean isThis(TreePath path) {
    return path.getLeaf() instanceof IdentifierTree id && isThisOrSuper(id.getName());
  }

  private static boolean isThisOrSuper(Name name) {
    return name.contentEquals("this") || name.contentEquals("super");
  }
}
