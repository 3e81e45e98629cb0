package dev.lockdep.checker.analysis;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.lockdep.lockgraph.CheckKind;
import dev.lockdep.lockgraph.HeldLock;
import dev.lockdep.lockgraph.Provenance;
import dev.lockdep.lockgraph.ReadMode;
import dev.lockdep.lockgraph.program.BodyContext;
import dev.lockdep.lockgraph.program.MethodSummary;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;

/**
 * Follows one method body's control flow with the set of held-lock stacks of every path (SPEC §5):
 * branches, loops to a fixpoint, {@code break}/{@code continue}/{@code return} through
 * {@code finally}, exceptions from calls into {@code catch} and {@code finally},
 * {@code if (l.tryLock())} and boolean locals holding a {@code tryLock()} result. Every acquisition
 * is recorded with the stack it was taken under; re-entry of a reentrant lock instance its thread
 * already holds is not an acquisition.
 */
final class MethodAnalyzer {
  /** Passes over a loop body before its entry state is taken as settled. */
  private static final int LOOP_PASSES = 4;

  /** Statements executed per method before the rest of it is left unanalysed. */
  private static final int BUDGET = 200_000;

  private final UnitContext unit;
  private final String method;
  private final int methodSubclass;
  private final Set<Element> reassigned;
  /**
   * The local {@code boolean[]}s used only as {@code flags[i]} in this body's own code: not passed
   * on, not assigned elsewhere, not seen by a lambda or a local or anonymous class, whose stores
   * the paths of this body do not see.
   */
  private final Set<Element> flagArrays;
  /** The boolean parameters whose tests are correlated ({@link ParameterGuards#correlated}); null until asked. */
  private Set<Element> correlatedParameters;
  /** Whether the method analysed has a boolean parameter; null until asked. */
  private Boolean booleanParameters;
  /**
   * Whether calls are looked into for what they leave held and release ({@link CallHolds}): only
   * a release can tell, and a release is reported only in a body that takes a lock itself.
   */
  private final boolean followsCalls;
  /**
   * Whether a pass that does not follow calls met a release it would report, or a call that may
   * release its caller's hold after this body took a lock: only then are calls followed.
   */
  private boolean releasesToCheck;
  private final Map<Element, TreePath> initializers = new HashMap<>();
  private final Scope scope = new Scope();

  private final Set<MethodSummary.Acquisition> acquisitions = new LinkedHashSet<>();
  private final DistinctCallSites calls = new DistinctCallSites();
  private final Map<Provenance, LocalFinding> findings = new LinkedHashMap<>();
  /** The locks this body has acquired so far, on any path, in analysis order. */
  private final Set<LockRef> acquiredHere = new HashSet<>();
  /** The held locks and the first class of each class initialization the body's paths started ({@link #initialized}). */
  private final Set<List<LockRef>> initializations = new HashSet<>();
  /** {@link #runningClass}, found on first use. */
  private TypeElement runningClass;
  /**
   * The classes of the locks of unknown objects that one acquisition took again while it held one
   * (a loop over an array of locks): a path holds an unknown number of them.
   */
  private final Set<String> takenByTheMany = new HashSet<>();
  /** The releases that end a {@link ServiceHold}, each with the call that opened it. */
  private final Map<Tree, Provenance> serviceReleases = new HashMap<>();
  /** Releases taken to end a hold the caller took. */
  private final Set<Provenance> releasesCallersHold = new HashSet<>();
  /** The same releases, for the callers of this body when it is looked into from a call. */
  private final Set<CallHolds.CallerRelease> callersHoldsReleased = new LinkedHashSet<>();

  /** Loops, switches and labels that {@code break}, {@code continue} and {@code yield} leave. */
  private final Deque<Frame> frames = new ArrayDeque<>();
  /** Abrupt completions not yet delivered to their target. */
  private final List<Jump> jumps = new ArrayList<>();
  /** For each enclosing {@code try}, the states in which its body may throw. */
  private final Deque<FlowStates[]> handlers = new ArrayDeque<>();
  private int budget = BUDGET;
  /** The label of the statement being executed, for the loop it labels. */
  private String pendingLabel;

  private record Frame(Tree target, String label, boolean loop, boolean switchExpression) {}

  private enum JumpKind {
    BREAK,
    CONTINUE,
    RETURN
  }

  private record Jump(JumpKind kind, Tree target, FlowStates states) {}

  /** Where a jump goes: jumps to one place share one run of a {@code finally} block. */
  private record Destination(JumpKind kind, Tree target) {}

  /** The outcome of a condition: the paths on which it is true and those on which it is false. */
  private record Branches(FlowStates whenTrue, FlowStates whenFalse) {
    static Branches both(FlowStates states) {
      return new Branches(states, states);
    }
  }

  private static final class BudgetExhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BudgetExhausted() {
      super(null, null, false, false);
    }
  }

  MethodAnalyzer(UnitContext unit, String method, int methodSubclass, TreePath body) {
    this(unit, method, methodSubclass, reassignedLocals(unit, body), flagArrays(unit, body), false);
  }

  private MethodAnalyzer(
      UnitContext unit, String method, int methodSubclass, Set<Element> reassigned, Set<Element> flagArrays,
      boolean followsCalls) {
    this.unit = unit;
    this.method = method;
    this.methodSubclass = methodSubclass;
    this.reassigned = reassigned;
    this.flagArrays = flagArrays;
    this.followsCalls = followsCalls;
  }

  /** An analyzer that looks into calls for what they leave held and release: see {@link CallHolds}. */
  static MethodAnalyzer followingCalls(UnitContext unit, String method, TreePath body) {
    return new MethodAnalyzer(unit, method, 0, reassignedLocals(unit, body), flagArrays(unit, body), true);
  }

  LocalScope scope() {
    return scope;
  }

  /**
   * Runs the body and returns what it found. The body starts holding {@code heldOnEntry} (locks
   * its callers hold: {@code @GuardedBy}, {@code @Releases}) and then takes {@code monitor}, the
   * lock of a {@code synchronized} method, if any.
   */
  MethodSummary analyze(
      TreePath body,
      List<LockRef> heldOnEntry,
      LockRef monitor,
      Provenance declaredAt,
      Set<CheckKind> suppressed,
      BodyIdentity identity,
      BodyContext context) {
    FlowStates exits = runFrom(body, heldOnEntry, monitor, declaredAt);
    Map<Provenance, LocalFinding> found = findings;
    if (releasesToCheck && !suppressed.contains(CheckKind.UnbalancedUnlock)) {
      // Following calls can only excuse the releases found and report calls of release helpers:
      // the releases are checked again, with what calls may leave held and release. The facts
      // are the same either way.
      MethodAnalyzer checking = new MethodAnalyzer(unit, method, methodSubclass, reassigned, flagArrays, true);
      checking.runFrom(body, heldOnEntry, monitor, declaredAt);
      found = checking.findings;
    }
    for (LocalFinding finding : found.values()) {
      if (!suppressed.contains(finding.check())) {
        unit.report(finding);
      }
    }
    return new MethodSummary(
        method,
        identity.id(),
        identity.overrides(),
        identity.parameters(),
        new ArrayList<>(acquisitions),
        calls.toList(),
        suppressed.stream().map(CheckKind::name).collect(Collectors.toSet()),
        context,
        identity.stores(),
        unit.typeFlow().body(body),
        returnsHolding(exits, declaredAt),
        identity.returnedLock());
  }

  /**
   * The locks the body took and still holds where it returns normally (on {@code exits}), each
   * once: not those it was entered holding nor its own monitor, which are taken where it is
   * declared. None when the body was too large to follow to its end.
   */
  private static List<HeldLock> returnsHolding(FlowStates exits, Provenance declaredAt) {
    if (exits == null) {
      return List.of();
    }
    Set<HeldLock> held = new LinkedHashSet<>();
    for (HeldLocks p : exits.paths()) {
      for (HeldLocks.Entry e : p.stack()) {
        if (!e.acquiredAt().equals(declaredAt) && !e.heldByCall()) {
          held.add(e.toHeldLock());
        }
      }
    }
    return List.copyOf(held);
  }

  /**
   * What a call of this body does to its caller's locks, for {@link CallHolds}: the locks still held
   * where it returns normally, with what its own calls left held (any lock if the body is too
   * large to follow), and its releases of locks its caller holds. Nothing is reported.
   */
  CallHolds.Effect effectOfCall(TreePath body) {
    FlowStates exits;
    try {
      exits = run(body, FlowStates.of(HeldLocks.NONE));
    } catch (BudgetExhausted e) {
      return new CallHolds.Effect(Set.of(CallHolds.ANY), List.copyOf(callersHoldsReleased));
    }
    Set<String> left = new TreeSet<>();
    Set<LockRef> returning = new LinkedHashSet<>();
    for (HeldLocks p : exits.paths()) {
      for (HeldLocks.Entry e : p.stack()) {
        left.add(CallHolds.classMark(e.lock()));
        returning.add(e.lock());
      }
      left.addAll(p.leftByCalls());
    }
    return new CallHolds.Effect(left, List.copyOf(callersHoldsReleased), List.copyOf(returning));
  }

  /**
   * A call of a method whose body is in another unit or a library, right before a {@code try} whose
   * {@code finally} calls another such method on the same object: the lock-service idiom ({@code
   * segment.lock(); try { ... } finally { segment.unlock(); }}, {@code long stamp =
   * map.readLock(); try { ... } finally { map.unlockRead(stamp); }}). What the call returns
   * holding is held from the call to that release; the body that knows is not this unit's, so the
   * paths carry a {@link MethodSummary#HELD_BY_CALL} mark that composition resolves.
   *
   * @param call where the call is, which the mark names
   * @param release the call in the {@code finally} that ends the hold
   */
  private record ServiceHold(Provenance call, MethodInvocationTree release) {}

  /** The mark a {@link ServiceHold} puts on the paths, as a lock the front end carries on its stacks. */
  private static final LockRef HELD_BY_CALL =
      new LockRef(MethodSummary.HELD_BY_CALL, ReadMode.EXCLUSIVE, null, "a lock held by a call");

  /**
   * The {@code try} whose {@code finally} may end a hold that statement {@code i} of {@code block}
   * opens: the next statement after it, past declarations of locals ({@code lock(); int n =
   * count; try { ... } finally { unlock(); }}: they run holding it too), or, for the first
   * statement of a {@code try}'s block, that {@code try} ({@code try { segment.lock(); ... }
   * finally { segment.unlock(); }}); else null.
   */
  private static TreePath serviceTry(TreePath block, List<? extends StatementTree> statements, int i) {
    int next = i + 1;
    while (next < statements.size() && statements.get(next) instanceof VariableTree) {
      next++;
    }
    if (next < statements.size() && statements.get(next) instanceof TryTree) {
      return child(block, statements.get(next));
    }
    TreePath parent = block.getParentPath();
    return i == 0 && parent != null && parent.getLeaf() instanceof TryTree t && t.getBlock() == block.getLeaf()
        ? parent
        : null;
  }

  /** The {@link ServiceHold} that {@code statement} opens, ended in the {@code finally} of {@code tryPath}; null when none. */
  private ServiceHold serviceHold(TreePath statement, TreePath tryPath) {
    if (tryPath == null
        || !(tryPath.getLeaf() instanceof TryTree tryTree)
        || tryTree.getFinallyBlock() == null
        || !tryTree.getResources().isEmpty()) {
      return null;
    }
    Tree leaf = statement.getLeaf();
    ExpressionTree expression =
        leaf instanceof ExpressionStatementTree e ? e.getExpression() : leaf instanceof VariableTree v ? v.getInitializer() : null;
    if (!(expression instanceof MethodInvocationTree call)) {
      return null;
    }
    TreePath callPath = child(statement, call);
    String object = serviceObject(callPath, null);
    if (object == null) {
      return null;
    }
    Element opening = unit.trees().getElement(callPath);
    TreePath finallyBlock = child(tryPath, tryTree.getFinallyBlock());
    for (StatementTree s : tryTree.getFinallyBlock().getStatements()) {
      if (s instanceof ExpressionStatementTree e && e.getExpression() instanceof MethodInvocationTree release) {
        TreePath releasePath = child(child(finallyBlock, s), release);
        if (object.equals(serviceObject(releasePath, opening))) {
          return new ServiceHold(unit.provenance(call, method), release);
        }
      }
    }
    return null;
  }

  /**
   * The call that a resource of a {@code try}-with-resources is made by, when it is a possible
   * lock service ({@link #serviceObject}): {@code try (ReleasableLock held = lock.acquire()) {
   * ... }}, where {@code acquire()} takes a lock and returns an object whose {@code close()} lets
   * it go. What the call returns holding is held while the block runs; null for any other resource.
   */
  private Provenance resourceHold(TreePath resource) {
    if (!(resource.getLeaf() instanceof VariableTree variable)
        || !(variable.getInitializer() instanceof MethodInvocationTree call)) {
      return null;
    }
    return serviceObject(child(resource, call), null) == null ? null : unit.provenance(call, method);
  }

  /** {@code states} without the holds that the calls {@code holds} handed over. */
  private static FlowStates withoutHolds(FlowStates states, List<Provenance> holds) {
    return states.map(p -> {
      HeldLocks left = p;
      for (Provenance hold : holds) {
        left = left.withoutHeldByCall(hold);
      }
      return left;
    });
  }

  /**
   * The object a call of a possible lock service runs on, as {@link LockClassKeys#instance} names
   * it (its class's name for a static method); null when the call is not one, or is of {@code
   * other}: a lock operation, a JDK method, a method whose body this unit has (the front end
   * follows those itself, {@link CallHolds#mayHandOver}), or an unknown object.
   */
  private String serviceObject(TreePath call, Element other) {
    if (!(unit.trees().getElement(call) instanceof ExecutableElement callee)
        || callee.equals(other)
        || unit.declarationWithBody(callee) != null
        || unit.callHolds().isJdk(callee)
        || unit.operations().classify(call, callee, scope, methodSubclass).isPresent()) {
      return null;
    }
    if (callee.getModifiers().contains(Modifier.STATIC)) {
      return callee.getEnclosingElement().toString();
    }
    TreePath receiver = LockClassKeys.receiver(call);
    return receiver == null ? unit.keys().implicitReceiver(call, callee) : unit.keys().instance(receiver, scope);
  }

  /**
   * Runs the body from {@code heldOnEntry} and then {@code monitor}, as far as the budget goes;
   * returns the states in which it returns normally, or null when it is past the budget.
   */
  private FlowStates runFrom(TreePath body, List<LockRef> heldOnEntry, LockRef monitor, Provenance declaredAt) {
    HeldLocks start = HeldLocks.NONE;
    for (LockRef lock : heldOnEntry) {
      start = start.push(new HeldLocks.Entry(lock, false, declaredAt, 0));
    }
    FlowStates entry = FlowStates.of(start);
    if (monitor != null) {
      entry = acquire(entry, monitor, false, declaredAt, List.of());
    }
    try {
      return run(body, entry);
    } catch (BudgetExhausted e) {
      // A method this large is left with the facts found so far rather than slowing javac down.
      unit.note(
          declaredAt,
          "[analysis bound] " + method + " is past " + BUDGET + " statement visits; the locks and calls after that point"
              + " are not analysed");
      return null;
    }
  }

  /** The states in which the body returns normally: at its end or at a {@code return}. */
  private FlowStates run(TreePath body, FlowStates entry) {
    FlowStates out = body.getLeaf() instanceof ExpressionTree ? eval(body, entry) : exec(body, entry);
    return out.join(take(0, JumpKind.RETURN, null));
  }

  // ---------------------------------------------------------------- statements

  private FlowStates exec(TreePath path, FlowStates in) {
    if (in.isUnreachable()) {
      return in;
    }
    if (--budget < 0) {
      throw new BudgetExhausted();
    }
    Tree tree = path.getLeaf();
    switch (tree.getKind()) {
      case BLOCK: {
        FlowStates s = in;
        List<? extends StatementTree> statements = ((BlockTree) tree).getStatements();
        for (int i = 0; i < statements.size(); i++) {
          TreePath statement = child(path, statements.get(i));
          s = exec(statement, s);
          ServiceHold hold = serviceHold(statement, serviceTry(path, statements, i));
          if (hold != null) {
            serviceReleases.put(hold.release(), hold.call());
            HeldLocks.Entry mark = new HeldLocks.Entry(HELD_BY_CALL, false, hold.call(), 0);
            s = s.map(p -> p.push(mark));
          }
        }
        return s;
      }
      case VARIABLE:
        return variable(path, (VariableTree) tree, in);
      case EXPRESSION_STATEMENT:
        return eval(child(path, ((ExpressionStatementTree) tree).getExpression()), in);
      case IF: {
        IfTree ifTree = (IfTree) tree;
        Branches b = cond(child(path, ifTree.getCondition()), in);
        FlowStates out = exec(child(path, ifTree.getThenStatement()), b.whenTrue());
        return ifTree.getElseStatement() == null
            ? out.join(b.whenFalse())
            : out.join(exec(child(path, ifTree.getElseStatement()), b.whenFalse()));
      }
      case WHILE_LOOP: {
        WhileLoopTree loop = (WhileLoopTree) tree;
        return loop(path, in, child(path, loop.getCondition()), child(path, loop.getStatement()), List.of(), false);
      }
      case DO_WHILE_LOOP: {
        DoWhileLoopTree loop = (DoWhileLoopTree) tree;
        return loop(path, in, child(path, loop.getCondition()), child(path, loop.getStatement()), List.of(), true);
      }
      case FOR_LOOP: {
        ForLoopTree loop = (ForLoopTree) tree;
        FlowStates s = in;
        for (StatementTree init : loop.getInitializer()) {
          s = exec(child(path, init), s);
        }
        TreePath condition = loop.getCondition() == null ? null : child(path, loop.getCondition());
        return loop(path, s, condition, child(path, loop.getStatement()), loop.getUpdate(), false);
      }
      case ENHANCED_FOR_LOOP: {
        EnhancedForLoopTree loop = (EnhancedForLoopTree) tree;
        FlowStates s = eval(child(path, loop.getExpression()), in);
        return loop(path, s, null, child(path, loop.getStatement()), List.of(), false);
      }
      case LABELED_STATEMENT:
        return labeled(path, (LabeledStatementTree) tree, in);
      case SWITCH: {
        SwitchTree switchTree = (SwitchTree) tree;
        FlowStates s = eval(child(path, switchTree.getExpression()), in);
        return cases(path, switchTree.getCases(), s, false);
      }
      case TRY:
        return tryStatement(path, (TryTree) tree, in);
      case SYNCHRONIZED:
        return synchronizedStatement(path, (SynchronizedTree) tree, in);
      case RETURN: {
        ExpressionTree value = ((ReturnTree) tree).getExpression();
        FlowStates s = value == null ? in : eval(child(path, value), in);
        jumps.add(new Jump(JumpKind.RETURN, null, s));
        return FlowStates.UNREACHABLE;
      }
      case BREAK: {
        Frame frame = target(((BreakTree) tree).getLabel() == null ? null : ((BreakTree) tree).getLabel().toString(), false);
        if (frame != null) {
          jumps.add(new Jump(JumpKind.BREAK, frame.target(), in));
        }
        return FlowStates.UNREACHABLE;
      }
      case CONTINUE: {
        ContinueTree continueTree = (ContinueTree) tree;
        Frame frame = target(continueTree.getLabel() == null ? null : continueTree.getLabel().toString(), true);
        if (frame != null) {
          jumps.add(new Jump(JumpKind.CONTINUE, frame.target(), in));
        }
        return FlowStates.UNREACHABLE;
      }
      case YIELD: {
        FlowStates s = eval(child(path, ((YieldTree) tree).getValue()), in);
        for (Frame frame : frames) {
          if (frame.switchExpression()) {
            jumps.add(new Jump(JumpKind.BREAK, frame.target(), s));
            break;
          }
        }
        return FlowStates.UNREACHABLE;
      }
      case THROW:
        mayThrow(eval(child(path, ((ThrowTree) tree).getExpression()), in));
        return FlowStates.UNREACHABLE;
      case CLASS:
        // Local classes are analysed as classes of their own.
        return in;
      default:
        return eval(path, in);
    }
  }

  private FlowStates variable(TreePath path, VariableTree variable, FlowStates in) {
    ExpressionTree init = variable.getInitializer();
    if (init == null) {
      return in;
    }
    TreePath initPath = child(path, init);
    Element element = unit.trees().getElement(path);
    FlowStates out = assign(element, initPath, in);
    if (element != null) {
      initializers.put(element, initPath);
    }
    return out;
  }

  /**
   * The states after {@code local = value}: a boolean local that stores a {@code tryLock()} result
   * remembers, on each path, whether the lock was taken; a lock local set to {@code null} remembers
   * that it is, for {@code finally { if (l != null) l.unlock(); }}.
   */
  private FlowStates assign(Element local, TreePath value, FlowStates in) {
    String name = local == null ? null : localName(local);
    if (name == null || local.asType().getKind() != TypeKind.BOOLEAN) {
      FlowStates out = eval(value, in);
      if (name == null) {
        return out;
      }
      boolean knownNull =
          value.getLeaf().getKind() == Tree.Kind.NULL_LITERAL && unit.throwingCalls().isLock(local.asType());
      // A new boolean[] holds only false: false is what the local's fact says of every element.
      boolean allFalse = flagArrays.contains(local) && value.getLeaf() instanceof NewArrayTree created
          && created.getInitializers() == null;
      return out.map(p -> knownNull || allFalse ? p.withFact(name, false) : p.withoutFact(name));
    }
    Branches b = cond(value, in);
    if (b.whenTrue().equals(b.whenFalse())) {
      return b.whenTrue().map(p -> p.withoutFact(name));
    }
    return b.whenTrue().map(p -> p.withFact(name, true)).join(b.whenFalse().map(p -> p.withFact(name, false)));
  }

  /** The name of the local flags array ({@link #flagArrays}) whose element {@code access} is, or null. */
  private String flagArrayLocal(TreePath access) {
    ArrayAccessTree tree = (ArrayAccessTree) access.getLeaf();
    if (!(tree.getExpression() instanceof IdentifierTree)) {
      return null;
    }
    Element array = unit.trees().getElement(child(access, tree.getExpression()));
    return array != null && flagArrays.contains(array) ? localName(array) : null;
  }

  /** Whether {@code local} is a {@code boolean[]}. */
  private static boolean isBooleanArray(Element local) {
    return local.asType() instanceof ArrayType array && array.getComponentType().getKind() == TypeKind.BOOLEAN;
  }

  private FlowStates loop(
      TreePath path, FlowStates in, TreePath condition, TreePath body, List<? extends ExpressionStatementTree> update, boolean bodyFirst) {
    Tree target = path.getLeaf();
    String label = pendingLabel;
    pendingLabel = null;
    FlowStates head = in;
    FlowStates exits = FlowStates.UNREACHABLE;
    for (int pass = 0; pass < LOOP_PASSES; pass++) {
      FlowStates enter;
      if (bodyFirst) {
        enter = head;
      } else if (condition == null) {
        enter = head;
        if (target.getKind() == Tree.Kind.ENHANCED_FOR_LOOP) {
          // The iteration may end before any element, or after any.
          exits = exits.join(head);
        }
      } else {
        Branches b = cond(condition, head);
        enter = b.whenTrue();
        exits = exits.join(b.whenFalse());
      }
      frames.push(new Frame(target, label, true, false));
      int mark = jumps.size();
      FlowStates after = exec(body, enter);
      frames.pop();
      after = after.join(take(mark, JumpKind.CONTINUE, target));
      exits = exits.join(take(mark, JumpKind.BREAK, target));
      if (bodyFirst) {
        Branches b = cond(condition, after);
        exits = exits.join(b.whenFalse());
        after = b.whenTrue();
      } else {
        for (ExpressionStatementTree step : update) {
          after = exec(child(path, step), after);
        }
      }
      FlowStates next = head.join(after);
      if (next.sameHoldsAs(head)) {
        // What calls in the body may have left held also reaches the code after the loop.
        exits = exits.leftHeldByCalls(next.leftByCalls());
        break;
      }
      head = next;
    }
    return exits;
  }

  private FlowStates labeled(TreePath path, LabeledStatementTree labeled, FlowStates in) {
    String label = labeled.getLabel().toString();
    Tree statement = labeled.getStatement();
    boolean isLoop =
        statement instanceof WhileLoopTree
            || statement instanceof DoWhileLoopTree
            || statement instanceof ForLoopTree
            || statement instanceof EnhancedForLoopTree;
    if (isLoop) {
      pendingLabel = label;
      FlowStates out = exec(child(path, statement), in);
      pendingLabel = null;
      return out;
    }
    frames.push(new Frame(labeled, label, false, false));
    int mark = jumps.size();
    FlowStates out = exec(child(path, statement), in);
    frames.pop();
    return out.join(take(mark, JumpKind.BREAK, labeled));
  }

  private FlowStates cases(TreePath path, List<? extends CaseTree> cases, FlowStates in, boolean expression) {
    Tree target = path.getLeaf();
    frames.push(new Frame(target, null, false, expression));
    int mark = jumps.size();
    FlowStates out = FlowStates.UNREACHABLE;
    FlowStates fallthrough = FlowStates.UNREACHABLE;
    boolean hasDefault = false;
    for (CaseTree caseTree : cases) {
      hasDefault |= caseTree.getExpressions().isEmpty();
      TreePath casePath = child(path, caseTree);
      if (caseTree.getCaseKind() == CaseTree.CaseKind.RULE) {
        Tree body = caseTree.getBody();
        TreePath bodyPath = child(casePath, body);
        out = out.join(body instanceof ExpressionTree ? eval(bodyPath, in) : exec(bodyPath, in));
      } else {
        FlowStates s = in.join(fallthrough);
        for (StatementTree statement : caseTree.getStatements()) {
          s = exec(child(casePath, statement), s);
        }
        fallthrough = s;
      }
    }
    frames.pop();
    out = out.join(fallthrough).join(take(mark, JumpKind.BREAK, target));
    return hasDefault || expression ? out : out.join(in);
  }

  private FlowStates tryStatement(TreePath path, TryTree tryTree, FlowStates in) {
    int mark = jumps.size();
    FlowStates[] thrown = {FlowStates.UNREACHABLE};
    handlers.push(thrown);
    FlowStates s = in;
    List<Provenance> resourceHolds = new ArrayList<>(0);
    for (Tree resource : tryTree.getResources()) {
      TreePath resourcePath = child(path, resource);
      s = exec(resourcePath, s);
      Provenance hold = resourceHold(resourcePath);
      if (hold != null) {
        HeldLocks.Entry held = new HeldLocks.Entry(HELD_BY_CALL, false, hold, 0);
        s = s.map(p -> p.push(held));
        resourceHolds.add(hold);
      }
    }
    FlowStates out = exec(child(path, tryTree.getBlock()), s);
    handlers.pop();
    if (!resourceHolds.isEmpty()) {
      // The resources are closed as the block is left, however it is left, before any catch
      // clause or the finally block runs: what their calls returned holding is let go there.
      out = withoutHolds(out, resourceHolds);
      thrown[0] = withoutHolds(thrown[0], resourceHolds);
      for (int i = mark; i < jumps.size(); i++) {
        Jump jump = jumps.get(i);
        jumps.set(i, new Jump(jump.kind(), jump.target(), withoutHolds(jump.states(), resourceHolds)));
      }
    }
    FlowStates escaping = thrown[0];
    boolean hasFinally = tryTree.getFinallyBlock() != null;
    if (!tryTree.getCatches().isEmpty()) {
      FlowStates[] thrownInCatch = {FlowStates.UNREACHABLE};
      if (hasFinally) {
        handlers.push(thrownInCatch);
      }
      for (CatchTree catchTree : tryTree.getCatches()) {
        TreePath catchPath = child(path, catchTree);
        out = out.join(exec(child(catchPath, catchTree.getBlock()), thrown[0]));
      }
      if (hasFinally) {
        handlers.pop();
      }
      // Exceptions no catch clause matches leave with the states the body threw in.
      escaping = escaping.join(thrownInCatch[0]);
    }
    if (!hasFinally) {
      mayThrow(escaping);
      return out;
    }
    TreePath finallyPath = child(path, tryTree.getFinallyBlock());
    List<Jump> leaving = new ArrayList<>(jumps.subList(mark, jumps.size()));
    jumps.subList(mark, jumps.size()).clear();
    for (Jump jump : mergeByTarget(leaving)) {
      FlowStates after = exec(finallyPath, jump.states());
      jumps.add(new Jump(jump.kind(), jump.target(), after));
    }
    if (!escaping.isUnreachable()) {
      mayThrow(exec(finallyPath, escaping));
    }
    return exec(finallyPath, out);
  }

  private FlowStates synchronizedStatement(TreePath path, SynchronizedTree sync, FlowStates in) {
    TreePath lockPath = child(path, sync.getExpression());
    FlowStates s = eval(lockPath, in);
    LockRef lock = unit.keys().resolve(lockPath, scope, methodSubclass);
    TreePath conditional = conditionalMonitor(lockPath);
    ConditionalExpressionTree choice = conditional == null ? null : (ConditionalExpressionTree) conditional.getLeaf();
    LockRef first = choice == null ? null : branchLock(child(conditional, choice.getTrueExpression()), lock);
    LockRef second = choice == null ? null : branchLock(child(conditional, choice.getFalseExpression()), lock);
    if (first == null || second == null || first.lockClass().equals(second.lockClass())) {
      return monitorBlock(path, sync, s, lock);
    }
    // One monitor or the other, of two classes: the block runs holding each, on the paths its
    // test allows.
    TreePath condition = child(conditional, choice.getCondition());
    String tested = nullTestedLocal(condition);
    Branches split = tested == null ? Branches.both(s) : knowingNull(condition, tested, s);
    FlowStates out =
        monitorBlock(path, sync, split.whenTrue(), first).join(monitorBlock(path, sync, split.whenFalse(), second));
    // What the test said of the local was for the block; after it the paths join again.
    return tested == null ? out : out.map(p -> p.withoutFact(tested));
  }

  /**
   * The lock a branch of a conditional monitor takes, named as the branch names it, else as the
   * whole {@code monitor} is named; null for {@code null}, which no {@code synchronized} takes.
   */
  private LockRef branchLock(TreePath branch, LockRef monitor) {
    if (LockClassKeys.withoutParenthesesAndCasts(branch).getLeaf().getKind() == Tree.Kind.NULL_LITERAL) {
      return null;
    }
    LockRef lock = unit.keys().resolve(branch, scope, methodSubclass);
    return lock.instance() != null || monitor.instance() == null
        ? lock
        : new LockRef(lock.lockClass(), lock.mode(), monitor.instance(), lock.text());
  }

  /**
   * The conditional expression a monitor is ({@code synchronized (qcm != null ? qcm : QV_LOCK)}),
   * directly or as the initializer of an effectively-final local, or null.
   */
  private TreePath conditionalMonitor(TreePath lockPath) {
    TreePath expression = LockClassKeys.withoutParenthesesAndCasts(lockPath);
    if (expression.getLeaf().getKind() == Tree.Kind.IDENTIFIER
        && unit.trees().getElement(expression) instanceof VariableElement local
        && local.getKind() == ElementKind.LOCAL_VARIABLE && scope.effectivelyFinal(local)) {
      TreePath init = scope.initializer(local);
      expression = init == null ? expression : LockClassKeys.withoutParenthesesAndCasts(init);
    }
    return expression.getLeaf().getKind() == Tree.Kind.CONDITIONAL_EXPRESSION ? expression : null;
  }

  /** The name of the local, never reassigned, that {@code x != null} or {@code x == null} at {@code path} tests, or null. */
  private String nullTestedLocal(TreePath path) {
    TreePath test = LockClassKeys.withoutParenthesesAndCasts(path);
    if (!(test.getLeaf() instanceof BinaryTree binary)
        || (binary.getKind() != Tree.Kind.NOT_EQUAL_TO && binary.getKind() != Tree.Kind.EQUAL_TO)) {
      return null;
    }
    TreePath tested = nullTested(test, binary);
    Element local = tested == null ? null : unit.trees().getElement(tested);
    return local == null || reassigned.contains(local) ? null : localName(local);
  }

  /**
   * The paths where the null test {@code test} of {@code local} holds and where it does not, as
   * {@link #cond} splits them, each knowing whether the local is null: a later {@code if (x !=
   * null)} in the block takes one way.
   */
  private Branches knowingNull(TreePath test, String local, FlowStates in) {
    boolean notNullWhenTrue =
        LockClassKeys.withoutParenthesesAndCasts(test).getLeaf().getKind() == Tree.Kind.NOT_EQUAL_TO;
    Branches split = cond(test, in);
    return new Branches(
        split.whenTrue().map(p -> p.withFact(local, notNullWhenTrue)),
        split.whenFalse().map(p -> p.withFact(local, !notNullWhenTrue)));
  }

  /** A {@code synchronized} block holding {@code lock}: the monitor taken, the block run, the monitor let go however it is left. */
  private FlowStates monitorBlock(TreePath path, SynchronizedTree sync, FlowStates in, LockRef lock) {
    Provenance at = unit.provenance(sync, method);
    FlowStates s = acquire(in, lock, false, at, guards(path));
    int mark = jumps.size();
    FlowStates[] thrown = {FlowStates.UNREACHABLE};
    handlers.push(thrown);
    FlowStates out = exec(child(path, sync.getBlock()), s);
    handlers.pop();
    // The monitor is released however the block is left.
    for (int i = mark; i < jumps.size(); i++) {
      Jump jump = jumps.get(i);
      jumps.set(i, new Jump(jump.kind(), jump.target(), exitMonitor(jump.states(), lock)));
    }
    mayThrow(exitMonitor(thrown[0], lock));
    return exitMonitor(out, lock);
  }

  private FlowStates exitMonitor(FlowStates states, LockRef lock) {
    return states.map(
        p -> {
          int index = p.releasedBy(lock, true);
          return index < 0 ? p : p.release(index);
        });
  }

  /** Jumps with the same kind and target, merged so that a {@code finally} runs once for each. */
  private static List<Jump> mergeByTarget(List<Jump> leaving) {
    Map<Destination, FlowStates> merged = new LinkedHashMap<>();
    for (Jump jump : leaving) {
      merged.merge(new Destination(jump.kind(), jump.target()), jump.states(), FlowStates::join);
    }
    List<Jump> result = new ArrayList<>();
    merged.forEach((where, states) -> result.add(new Jump(where.kind(), where.target(), states)));
    return result;
  }

  /** Removes and joins the jumps added since {@code mark} that end at {@code target}. */
  private FlowStates take(int mark, JumpKind kind, Tree target) {
    FlowStates s = FlowStates.UNREACHABLE;
    for (int i = jumps.size() - 1; i >= mark; i--) {
      Jump jump = jumps.get(i);
      if (jump.kind() == kind && jump.target() == target) {
        s = s.join(jump.states());
        jumps.remove(i);
      }
    }
    return s;
  }

  private Frame target(String label, boolean forContinue) {
    for (Frame frame : frames) {
      if (frame.switchExpression()) {
        return null;
      }
      if (label == null ? (frame.loop() || !forContinue && frame.label() == null) : label.equals(frame.label())) {
        return frame;
      }
    }
    return null;
  }

  private void mayThrow(FlowStates states) {
    FlowStates[] handler = handlers.peek();
    if (handler != null && !states.isUnreachable()) {
      handler[0] = handler[0].join(states);
    }
  }

  // ---------------------------------------------------------------- expressions

  private FlowStates eval(TreePath path, FlowStates in) {
    if (in.isUnreachable()) {
      return in;
    }
    Evaluator evaluator = new Evaluator(in);
    evaluator.scan(path);
    return evaluator.states;
  }

  private Branches cond(TreePath path, FlowStates in) {
    if (in.isUnreachable()) {
      return Branches.both(in);
    }
    Tree tree = path.getLeaf();
    switch (tree.getKind()) {
      case PARENTHESIZED:
        return cond(child(path, ((ParenthesizedTree) tree).getExpression()), in);
      case LOGICAL_COMPLEMENT: {
        Branches b = cond(child(path, ((UnaryTree) tree).getExpression()), in);
        return new Branches(b.whenFalse(), b.whenTrue());
      }
      case CONDITIONAL_AND: {
        BinaryTree and = (BinaryTree) tree;
        Branches left = cond(child(path, and.getLeftOperand()), in);
        Branches right = cond(child(path, and.getRightOperand()), left.whenTrue());
        return new Branches(right.whenTrue(), left.whenFalse().join(right.whenFalse()));
      }
      case CONDITIONAL_OR: {
        BinaryTree or = (BinaryTree) tree;
        Branches left = cond(child(path, or.getLeftOperand()), in);
        Branches right = cond(child(path, or.getRightOperand()), left.whenFalse());
        return new Branches(left.whenTrue().join(right.whenTrue()), right.whenFalse());
      }
      case CONDITIONAL_EXPRESSION: {
        ConditionalExpressionTree conditional = (ConditionalExpressionTree) tree;
        Branches test = cond(child(path, conditional.getCondition()), in);
        Branches whenTrue = cond(child(path, conditional.getTrueExpression()), test.whenTrue());
        Branches whenFalse = cond(child(path, conditional.getFalseExpression()), test.whenFalse());
        return new Branches(
            whenTrue.whenTrue().join(whenFalse.whenTrue()), whenTrue.whenFalse().join(whenFalse.whenFalse()));
      }
      case BOOLEAN_LITERAL: {
        boolean value = (Boolean) ((LiteralTree) tree).getValue();
        return value ? new Branches(in, FlowStates.UNREACHABLE) : new Branches(FlowStates.UNREACHABLE, in);
      }
      case IDENTIFIER:
        // A static field read by its simple name (its own class's, or through `import static`)
        // initializes its class before the test, as `A.FLAG` does.
        boolean initializes = ClassInitializations.initializedByField(unit.trees().getElement(path)) != null;
        return byFact(path, initializes ? eval(path, in) : in);
      case ARRAY_ACCESS: {
        // An element of a local boolean[] that holds only false is false.
        FlowStates evaluated = eval(path, in);
        String flags = flagArrayLocal(path);
        if (flags == null) {
          return Branches.both(evaluated);
        }
        return new Branches(
            FlowStates.of(evaluated.paths().stream().filter(p -> !Boolean.FALSE.equals(p.facts().get(flags))).toList()),
            evaluated);
      }
      case GREATER_THAN: {
        Optional<LockRef> counted = countedLock(path, (BinaryTree) tree);
        return counted.isPresent() ? byHoldCount(path, counted.get(), in, true) : Branches.both(eval(path, in));
      }
      case EQUAL_TO:
      case NOT_EQUAL_TO: {
        BinaryTree test = (BinaryTree) tree;
        Optional<LockRef> counted = countedLock(path, test);
        if (counted.isPresent()) {
          return byHoldCount(path, counted.get(), in, tree.getKind() == Tree.Kind.NOT_EQUAL_TO);
        }
        TreePath tested = nullTested(path, test);
        if (tested == null) {
          return Branches.both(eval(path, in));
        }
        Branches notNull = byFact(tested, in);
        return tree.getKind() == Tree.Kind.NOT_EQUAL_TO ? notNull : new Branches(notNull.whenFalse(), notNull.whenTrue());
      }
      case METHOD_INVOCATION: {
        Optional<LockRef> asked = unit.operations().heldQuery(path, scope, methodSubclass);
        if (asked.isPresent()) {
          return heldOrNot(eval(path, in), asked.get());
        }
        Evaluator evaluator = new Evaluator(in);
        evaluator.scan(path);
        if (evaluator.lastTry != null && evaluator.lastTry.call() == tree) {
          return new Branches(evaluator.lastTry.taken(), evaluator.lastTry.notTaken());
        }
        return Branches.both(evaluator.states);
      }
      default:
        return Branches.both(eval(path, in));
    }
  }

  /**
   * Splits the paths by what they know of the local at {@code path}: true where it may be true
   * (or, for a lock local, not null), false where it may be false (or null).
   */
  private Branches byFact(TreePath path, FlowStates in) {
    Element element = unit.trees().getElement(path);
    String name = element == null ? null : localName(element);
    if (name == null) {
      return Branches.both(in);
    }
    FlowStates whenTrue = FlowStates.of(in.paths().stream().filter(p -> !Boolean.FALSE.equals(p.facts().get(name))).toList());
    FlowStates whenFalse = FlowStates.of(in.paths().stream().filter(p -> !Boolean.TRUE.equals(p.facts().get(name))).toList());
    if (element.getKind() == ElementKind.PARAMETER && element.asType().getKind() == TypeKind.BOOLEAN
        && !reassigned.contains(element) && correlated(path).contains(element)) {
      // A boolean parameter keeps its value: a second test of it takes the branch the first did
      // (`if (needToLock) lock(); ... if (needToLock) unlock();`).
      return new Branches(whenTrue.map(p -> p.withFact(name, true)), whenFalse.map(p -> p.withFact(name, false)));
    }
    return new Branches(whenTrue, whenFalse);
  }

  /** The local that {@code x == null} or {@code x != null} tests, or null. */
  private static TreePath nullTested(TreePath path, BinaryTree test) {
    ExpressionTree left = test.getLeftOperand();
    ExpressionTree right = test.getRightOperand();
    if (right.getKind() == Tree.Kind.NULL_LITERAL && left.getKind() == Tree.Kind.IDENTIFIER) {
      return child(path, left);
    }
    if (left.getKind() == Tree.Kind.NULL_LITERAL && right.getKind() == Tree.Kind.IDENTIFIER) {
      return child(path, right);
    }
    return null;
  }

  /**
   * Splits the paths by whether they hold {@code lock}: where the object is known, a "do I hold
   * it" query is answered by the path itself.
   */
  /**
   * A hold count of {@code counted} compared with 0 ({@code rw.getReadHoldCount() > 0}, {@code
   * l.getHoldCount() == 0}): the paths that hold it where {@code heldWhenTrue} says the test is
   * true, the others where it is false.
   */
  private Branches byHoldCount(TreePath path, LockRef counted, FlowStates in, boolean heldWhenTrue) {
    Branches held = heldOrNot(eval(path, in), counted);
    return heldWhenTrue ? held : new Branches(held.whenFalse(), held.whenTrue());
  }

  /** The lock whose hold count {@code test} compares with the literal 0 on its right. */
  private Optional<LockRef> countedLock(TreePath path, BinaryTree test) {
    if (!(test.getRightOperand() instanceof LiteralTree zero) || !Integer.valueOf(0).equals(zero.getValue())) {
      return Optional.empty();
    }
    return unit.operations().holdCount(child(path, test.getLeftOperand()), scope, methodSubclass);
  }

  private static Branches heldOrNot(FlowStates in, LockRef lock) {
    List<HeldLocks> held = new ArrayList<>();
    List<HeldLocks> notHeld = new ArrayList<>();
    for (HeldLocks p : in.paths()) {
      int index = p.releasedBy(lock, false);
      if (index >= 0 && p.stack().get(index).lock().sameInstance(lock)) {
        held.add(p);
      } else if (index < 0) {
        notHeld.add(p);
      } else {
        held.add(p);
        notHeld.add(p);
      }
    }
    return new Branches(FlowStates.of(held), FlowStates.of(notHeld));
  }

  /** A {@code tryLock()} just evaluated: the paths where it succeeded and where it failed. */
  private record TryOutcome(Tree call, FlowStates taken, FlowStates notTaken) {}

  /** Evaluates an expression left to right, applying each lock operation as it is reached. */
  private final class Evaluator extends LazyPathScanner {
    FlowStates states;
    TryOutcome lastTry;

    Evaluator(FlowStates states) {
      this.states = states;
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
      super.visitMethodInvocation(node, null);
      Element callee = unit.trees().getElement(currentPath());
      initialize(currentPath(), ClassInitializations.initializedBy(callee));
      initialize(currentPath(), unit.classInitializations().initializedByName(currentPath(), callee));
      call(currentPath(), node);
      Provenance handedBy = serviceReleases.get(node);
      if (handedBy != null) {
        states = states.map(p -> p.withoutHeldByCall(handedBy));
      }
      return null;
    }

    @Override
    public Void visitNewClass(NewClassTree node, Void unused) {
      // The body of an anonymous class runs when its methods are called, not here; its
      // constructor, like any other, runs now.
      scan(node.getEnclosingExpression(), null);
      scan(node.getArguments(), null);
      mayThrow(states);
      if (unit.trees().getElement(currentPath()) instanceof ExecutableElement constructor) {
        initialize(currentPath(), (TypeElement) constructor.getEnclosingElement());
        // The new object is the local it initialises, if any, which the calls made on it later
        // name as their receiver (composition binds what its constructor stores); its runtime
        // type is known.
        String created = unit.keys().programTypeName(unit.trees().getTypeMirror(currentPath()));
        recordCall(
            currentPath(), constructor, unit.callee(constructor), unit.keys().createdInstance(currentPath(), scope),
            created, created != null, false, node.getArguments(), unit.provenance(node, method), guards(currentPath()));
      }
      return null;
    }

    @Override
    public Void visitIdentifier(IdentifierTree node, Void unused) {
      initializeByField(currentPath());
      return null;
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree node, Void unused) {
      super.visitMemberSelect(node, null);
      initializeByField(currentPath());
      return null;
    }

    /** A static field that is no constant, read or written: its class is initialized first. */
    private void initializeByField(TreePath path) {
      if (unit.trees().getElement(path) instanceof VariableElement field) {
        initialize(path, ClassInitializations.initializedByField(field));
      }
    }

    /**
     * A use at {@code at} that initializes {@code used} (null: none): the classes it starts
     * initializing ({@link ClassInitializations#started}) are taken nested and let go, the JVM's
     * wait for another thread's initialization of them.
     */
    private void initialize(TreePath at, TypeElement used) {
      List<List<TypeElement>> started = used == null ? List.of() : unit.classInitializations().started(used, runningClass(at));
      if (started.isEmpty()) {
        return;
      }
      Provenance where = unit.provenance(at.getLeaf(), method);
      List<String> tests = guards(at);
      List<List<LockRef>> chains = new ArrayList<>(started.size());
      for (List<TypeElement> chain : started) {
        List<LockRef> locks = new ArrayList<>(chain.size());
        for (TypeElement type : chain) {
          locks.add(unit.keys().classInitialization(type));
        }
        chains.add(locks);
      }
      states = states.map(p -> initialized(p, chains, where, tests));
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
      return null;
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree node, Void unused) {
      return null;
    }

    @Override
    public Void visitClass(ClassTree node, Void unused) {
      return null;
    }

    @Override
    public Void visitConditionalExpression(ConditionalExpressionTree node, Void unused) {
      Branches b = cond(child(currentPath(), node.getCondition()), states);
      states =
          eval(child(currentPath(), node.getTrueExpression()), b.whenTrue())
              .join(eval(child(currentPath(), node.getFalseExpression()), b.whenFalse()));
      return null;
    }

    @Override
    public Void visitBinary(BinaryTree node, Void unused) {
      if (node.getKind() == Tree.Kind.CONDITIONAL_AND || node.getKind() == Tree.Kind.CONDITIONAL_OR) {
        Branches b = cond(currentPath(), states);
        states = b.whenTrue().join(b.whenFalse());
        return null;
      }
      return super.visitBinary(node, null);
    }

    @Override
    public Void visitAssignment(AssignmentTree node, Void unused) {
      TreePath value = child(currentPath(), node.getExpression());
      Element target = unit.trees().getElement(child(currentPath(), node.getVariable()));
      if (target != null && localName(target) != null) {
        states = assign(target, value, states);
        initializers.put(target, value);
        return null;
      }
      super.visitAssignment(node, null);
      String flags = node.getVariable() instanceof ArrayAccessTree access ? flagArrayLocal(child(currentPath(), access)) : null;
      if (flags != null) {
        // The fact of a local boolean[], false while every element is, becomes true where a
        // true is stored (`have[i] = true` after taking the i-th lock) and unknown where anything
        // but a literal is.
        Tree stored = node.getExpression();
        boolean literal = stored.getKind() == Tree.Kind.BOOLEAN_LITERAL;
        boolean storesTrue = literal && (Boolean) ((LiteralTree) stored).getValue();
        states = states.map(p -> storesTrue ? p.withFact(flags, true) : literal ? p : p.withoutFact(flags));
      }
      return null;
    }

    @Override
    public Void visitSwitchExpression(SwitchExpressionTree node, Void unused) {
      TreePath path = currentPath();
      FlowStates s = eval(child(path, node.getExpression()), states);
      states = cases(path, node.getCases(), s, true);
      return null;
    }

    private void call(TreePath path, MethodInvocationTree node) {
      if (!(unit.trees().getElement(path) instanceof ExecutableElement callee)) {
        mayThrow(states);
        return;
      }
      Optional<LockOperation> operation = unit.operations().classify(path, callee, scope, methodSubclass);
      Provenance at = unit.provenance(node, method);
      List<String> guards = guards(path);
      if (operation.isEmpty()) {
        UnitContext.Callee facts = unit.callee(callee);
        // Outside any try or synchronized block a throw leaves the method: nothing to ask.
        if (!handlers.isEmpty() && unit.throwingCalls().mayThrow(path, callee, facts)) {
          mayThrow(states);
        }
        // A ConcurrentHashMap's bin lock is held across the call: the function it runs runs under it.
        Optional<LockRef> bins = unit.operations().mapBins(path, callee, scope, methodSubclass);
        if (bins.isPresent()) {
          states = acquire(states, bins.get(), false, at, guards);
        }
        String receiver = recordCall(path, callee, facts, at, guards);
        if (bins.isPresent()) {
          states = release(states, bins.get(), false, at);
        }
        if (!followsCalls) {
          if (!releasesToCheck && !acquiredHere.isEmpty() && unit.callHolds().mayRelease(callee)) {
            releasesToCheck = true;
          }
          if (unit.callHolds().mayHandOver(callee)) {
            states = handedOver(states, path, node, callee, facts, receiver, at);
          }
          return;
        }
        CallHolds.Effect effect =
            unit.callHolds().effect(path, callee, facts.isStatic(), receiver, node.getArguments(), scope);
        for (CallHolds.CallerRelease release : effect.released()) {
          Through through = new Through(callee.getSimpleName() + "()", release.at());
          for (HeldLocks p : states.paths()) {
            if (p.releasedBy(release.lock(), release.anyMode()) < 0) {
              unbalancedUnlock(p, release.lock(), release.anyMode(), at, through);
            }
          }
        }
        if (!effect.leftHeld().isEmpty()) {
          states = states.map(p -> p.leftHeldByCall(effect.leftHeld()));
        }
        return;
      }
      LockOperation op = operation.get();
      switch (op.kind()) {
        case ACQUIRE:
          // Not a throwing point: `try { l.lock(); ... } finally { l.unlock(); }` is balanced.
          for (LockRef lock : op.locks()) {
            states = acquire(states, lock, false, at, guards);
          }
          break;
        case TRY_ACQUIRE: {
          FlowStates before = states;
          FlowStates taken = acquire(before, op.locks().get(0), true, at, guards);
          lastTry = new TryOutcome(node, taken, before);
          states = taken.join(before);
          break;
        }
        case RELEASE:
          for (LockRef lock : op.locks()) {
            states = release(states, lock, op.anyMode(), at);
          }
          break;
        case WAIT:
          mayThrow(states);
          waitOn(states, op.locks().get(0), at, guards);
          break;
      }
    }

    /** Records the call and returns the object it runs on, as {@link LockClassKeys#instance} names it. */
    private String recordCall(
        TreePath path, ExecutableElement callee, UnitContext.Callee facts, Provenance at, List<String> guards) {
      String receiver = null;
      String receiverType = null;
      boolean exact = false;
      boolean virtual = false;
      if (!facts.isStatic()) {
        LockClassKeys keys = unit.keys();
        TreePath receiverPath = LockClassKeys.receiver(path);
        boolean superCall =
            receiverPath != null
                && receiverPath.getLeaf() instanceof IdentifierTree id
                && unit.isSuper(id.getName());
        if (receiverPath == null) {
          // A method of this class, or of an enclosing one whose object this one is inside.
          receiver = keys.implicitReceiver(path, callee);
          receiverType = keys.programTypeName(keys.implicitReceiverType(path, callee));
        } else if (superCall) {
          receiver = "this";
        } else {
          receiver = keys.instance(receiverPath, scope);
          TreePath created = keys.created(receiverPath, scope);
          receiverType = keys.programTypeName(unit.trees().getTypeMirror(created != null ? created : receiverPath));
          exact = created != null && receiverType != null;
        }
        virtual = !superCall && facts.overridable();
      }
      recordCall(
          path, callee, facts, receiver, receiverType, exact, virtual, ((MethodInvocationTree) path.getLeaf()).getArguments(),
          at, guards);
      return receiver;
    }

    /**
     * A call at {@code path} (an invocation or a {@code new}) with its arguments {@code args}, under
     * the tests of boolean parameters {@code guards}.
     */
    private void recordCall(
        TreePath path,
        ExecutableElement callee,
        UnitContext.Callee facts,
        String receiver,
        String receiverType,
        boolean exactReceiver,
        boolean virtual,
        List<? extends ExpressionTree> args,
        Provenance at,
        List<String> guards) {
      List<MethodSummary.Argument> arguments = new ArrayList<>();
      boolean anyCallback = false;
      // An @Async callee runs its callbacks on another thread, with nothing held: each callback's
      // own root context stands for that thread, so none is passed on.
      boolean async = facts.async();
      for (ExpressionTree argument : args) {
        MethodSummary.Argument a = unit.callbacks().argument(child(path, argument), scope);
        if (async && !a.callbacks().isEmpty()) {
          a = MethodSummary.NO_ARGUMENT;
        }
        anyCallback |= !a.callbacks().isEmpty();
        arguments.add(a);
      }
      boolean runsCallbacks = anyCallback && unit.callbacks().runsCallbacks(callee);
      ContextAnnotations.CallEffects effects = facts.effects();
      List<String> awaits = effects.fenceWait() ? unit.awaitedTasks().of(path, scope) : List.of();
      for (HeldLocks p : states.paths()) {
        calls.add(
            new MethodSummary.CallSite(
                facts.signature(), p.held(), at, receiver, receiverType, exactReceiver, virtual, arguments, runsCallbacks,
                effects.reclaim(), effects.gfp(), effects.fenceWait(), guards, p.releasedCallers(), awaits));
      }
    }
  }

  /**
   * The paths after a call of a lock service of this unit ({@link CallHolds#mayHandOver}): what it
   * returns holding is held from here on, as taken at the call (its own acquisition is composed
   * with the caller's locks at the call), and a hold of the caller's it ends is ended.
   */
  private FlowStates handedOver(
      FlowStates in, TreePath path, MethodInvocationTree node, ExecutableElement callee, UnitContext.Callee facts,
      String receiver, Provenance at) {
    CallHolds.Effect effect = unit.callHolds().effect(path, callee, facts.isStatic(), receiver, node.getArguments(), scope);
    FlowStates out = in;
    for (CallHolds.CallerRelease release : effect.released()) {
      out = out.map(p -> {
        int index = p.releasedBy(release.lock(), release.anyMode());
        return index < 0 ? p : p.release(index);
      });
    }
    for (LockRef lock : effect.returnsHolding()) {
      out = out.map(p -> {
        int same = p.sameInstance(lock);
        return same >= 0 && lock.lockClass().reentrant() ? p.reenter(same) : p.push(new HeldLocks.Entry(lock, false, at, 0));
      });
    }
    return out;
  }

  // ---------------------------------------------------------------- lock operations

  private FlowStates acquire(FlowStates in, LockRef lock, boolean trylock, Provenance at, List<String> guards) {
    return in.map(p -> acquire(p, lock, trylock, at, guards));
  }

  /**
   * The path after the acquisition; null when the path cannot continue (a trylock that must fail).
   * {@code guards}: the tests of boolean parameters it runs under ({@link ParameterGuards}).
   */
  private HeldLocks acquire(HeldLocks path, LockRef lock, boolean trylock, Provenance at, List<String> guards) {
    acquiredHere.add(lock);
    boolean takenAgain = lock.instance() == null && takenAgainAt(path, lock, at);
    if (takenAgain) {
      takenByTheMany.add(lock.lockClass().key());
    }
    HeldLocks.Entry entry = new HeldLocks.Entry(lock, trylock, at, 0);
    int same = path.sameInstance(lock);
    if (same >= 0 && lock.lockClass().reentrant()) {
      LockRef held = path.stack().get(same).lock();
      boolean readToWrite = held.mode().isReader() && !lock.mode().isReader();
      if (!readToWrite || trylock) {
        // Re-entry by the holder: a monitor or ReentrantLock taken again, a read lock re-entered,
        // a write lock downgraded to read. None of these waits for anyone.
        return held.mode() == lock.mode() ? path.reenter(same) : path.push(entry);
      }
    }
    if (same >= 0 && trylock) {
      // A trylock of a non-reentrant lock its thread holds fails at once: no path goes on holding it twice.
      return null;
    }
    // A loop taking the locks of an array or collection one after another (all segments, each
    // stripe, hand over hand along a list) takes them in its order: what the kernel annotates with
    // a nest_lock or a subclass per level. Its earlier holds are no AA of this acquisition; they
    // stay held, ordered before whatever is taken next.
    List<HeldLock> held = takenAgain ? path.heldExceptTakenAt(at, lock) : path.held();
    acquisitions.add(new MethodSummary.Acquisition(held, entry.toHeldLock(), at, guards, path.releasedCallers()));
    return path.push(entry);
  }

  private FlowStates release(FlowStates in, LockRef lock, boolean anyMode, Provenance at) {
    return in.map(
        p -> {
          int index = p.releasedBy(lock, anyMode);
          if (index < 0) {
            return unbalancedUnlock(p, lock, anyMode, at, null) ? p.releasingCaller(lock, at) : p;
          }
          return p.release(index);
        });
  }

  private void waitOn(FlowStates states, LockRef lock, Provenance at, List<String> guards) {
    for (HeldLocks p : states.paths()) {
      int index = p.releasedBy(lock, true);
      if (index >= 0) {
        HeldLocks.Entry waitedOn = p.stack().get(index);
        HeldLock again = waitedOn.lock().held(false, at);
        List<HeldLock> others = p.heldExcept(index);
        if (!others.isEmpty()) {
          acquisitions.add(new MethodSummary.Acquisition(others, again, at, guards, p.releasedCallers()));
        }
      }
    }
  }

  /**
   * A release on a path that does not hold the lock. It is reported only where the path can see
   * that the lock is not held (see docs/checks/UnbalancedUnlock.md): the body took that lock
   * itself before, so its releases pair with its own acquisitions, and no call on the path since
   * may have returned holding it.
   */
  /** Returns whether the release ends a hold of the method's caller rather than one of its own. */
  private boolean unbalancedUnlock(HeldLocks path, LockRef lock, boolean anyMode, Provenance at, Through through) {
    if (releasesCallersHold.contains(at)) {
      return true;
    }
    if (findings.containsKey(at) || CallHolds.mayHold(path.leftByCalls(), lock)) {
      return false;
    }
    if (lock.instance() == null && takenByTheMany.contains(lock.lockClass().key())) {
      // Locks of unknown objects taken by a loop are any number: a path cannot see that none of
      // them is left for this release (a second loop releasing each, guarded by a flag).
      return false;
    }
    if (!tookItself(lock, anyMode)) {
      // Releasing a lock before the body has taken it releases its caller's hold (what @Releases
      // says explicitly, and what `unlock(); try { ... } finally { lock(); }` does): callers are
      // not followed, so their holds are unknown. It stays so on later passes over a loop, and a
      // caller that looks into this body checks it at its call.
      releasesCallersHold.add(at);
      callersHoldsReleased.add(new CallHolds.CallerRelease(lock, anyMode, through == null ? at : through.releasedAt()));
      return true;
    }
    releasesToCheck = true;
    List<String> details = new ArrayList<>();
    details.add(method + " is trying to release lock (" + lock.lockClass().displayName() + ") at:");
    details.add("  " + at.toString());
    if (through != null) {
      details.add("  through " + through.call() + ", which releases it at:");
      details.add("  " + through.releasedAt());
    }
    details.add("but there are no more locks to release!");
    details.add("");
    details.add("other info that might help us debug this:");
    if (path.stack().isEmpty()) {
      details.add("no locks held on this path");
    } else {
      details.add(path.stack().size() + " lock(s) held on this path:");
      int i = 0;
      for (HeldLocks.Entry e : path.stack()) {
        details.add(" #" + i++ + ": (" + e.lock().lockClass().displayName() + "), at: " + e.acquiredAt());
      }
    }
    details.add("fix: release a lock only on paths that acquired it (acquire before try, release in finally)");
    findings.put(
        at,
        new LocalFinding(
            CheckKind.UnbalancedUnlock,
            at,
            "bad unlock balance detected",
            "`" + lock.text() + "` (" + lock.lockClass().displayName() + ") is released "
                + (through == null ? "" : "by `" + through.call() + "` ")
                + "here on a path that does not hold it",
            details));
    return false;
  }

  /** A release in a called method: the call as written, and where the method releases. */
  private record Through(String call, Provenance releasedAt) {}

  /** Whether {@code path} holds a lock of {@code lock}'s class taken at {@code at}, by this same acquisition. */
  private static boolean takenAgainAt(HeldLocks path, LockRef lock, Provenance at) {
    for (HeldLocks.Entry entry : path.stack()) {
      if (entry.takenAt(at, lock)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether this body took, before this point, a lock that a release of {@code lock} may end: the
   * same object or one the analysis cannot tell apart from it. Another object of the same class is
   * a hold its caller took (hand over hand: {@code next.lock(); previous.unlock();}). Ending a
   * write hold after taking only the read view of a reentrant read-write lock may end the
   * caller's write hold (a downgrade); the other way round the caller would have deadlocked
   * taking its read view under this body's write hold, so that is a release of the wrong view.
   */
  private boolean tookItself(LockRef lock, boolean anyMode) {
    boolean endsAnyMode = anyMode || lock.mode().isReader() || !lock.lockClass().reentrant();
    for (LockRef taken : acquiredHere) {
      boolean sameObject =
          taken.instance() == null || lock.instance() == null || taken.instance().equals(lock.instance());
      if (sameObject
          && taken.lockClass().key().equals(lock.lockClass().key())
          && (endsAnyMode || !taken.mode().isReader())) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- locals

  /** Names a local variable or parameter of this method; null for fields and everything else. */
  /** {@link ParameterGuards#correlated}, found on first use: an analyzer runs one body. */
  private Set<Element> correlated(TreePath path) {
    if (correlatedParameters == null) {
      correlatedParameters = ParameterGuards.correlated(path, unit.trees());
    }
    return correlatedParameters;
  }

  /**
   * The path after a use that initializes classes: each chain of {@code chains} (outermost
   * first, all starting with the class used) taken nested and let go. A path that used the class
   * before with the same locks held waits for nothing new: the body's facts would only repeat.
   */
  private HeldLocks initialized(HeldLocks path, List<List<LockRef>> chains, Provenance at, List<String> guards) {
    List<LockRef> key = new ArrayList<>(path.stack().size() + 1);
    for (HeldLocks.Entry entry : path.stack()) {
      key.add(entry.lock());
    }
    key.add(chains.get(0).get(0));
    if (!initializations.add(key)) {
      return path;
    }
    HeldLocks after = path;
    for (List<LockRef> locks : chains) {
      for (LockRef lock : locks) {
        after = acquire(after, lock, false, at, guards);
      }
      for (int i = locks.size() - 1; i >= 0; i--) {
        after = after.release(after.releasedBy(locks.get(i), false));
      }
    }
    return after;
  }

  /**
   * The innermost class around the body, found from a path {@code at} in it: its code's class,
   * which a use of a class may find initialized. One for the body: its walk enters no class.
   */
  private TypeElement runningClass(TreePath at) {
    if (runningClass == null) {
      runningClass = ClassInitializations.runningClass(unit.trees(), at);
    }
    return runningClass;
  }

  /**
   * The tests of the method's boolean parameters that {@code path} runs under; none, without a
   * look, in a method that has no boolean parameter (most have none).
   */
  private List<String> guards(TreePath path) {
    if (booleanParameters == null) {
      booleanParameters = ParameterGuards.hasBooleanParameter(path);
    }
    return booleanParameters ? ParameterGuards.at(path, unit.trees(), reassigned) : List.of();
  }

  private static String localName(Element element) {
    ElementKind kind = element.getKind();
    return kind == ElementKind.LOCAL_VARIABLE || kind == ElementKind.PARAMETER || kind == ElementKind.RESOURCE_VARIABLE
        ? element.getSimpleName().toString()
        : null;
  }

  private final class Scope implements LocalScope {
    @Override
    public TreePath initializer(Element local) {
      return initializers.get(local);
    }

    @Override
    public boolean effectivelyFinal(Element local) {
      return !reassigned.contains(local);
    }
  }

  /**
   * The locals and parameters assigned anywhere in {@code body} after their declaration. An
   * assigned name resolves by its tree alone, so no path is kept for every node walked: it is
   * looked up under {@code root}.
   */
  private static Set<Element> reassignedLocals(UnitContext unit, TreePath root) {
    Set<Element> assigned = new HashSet<>();
    AssignmentTargets.scan(
        root.getLeaf(),
        variable -> {
          if (variable instanceof IdentifierTree) {
            Element element = unit.trees().getElement(new TreePath(root, variable));
            if (element != null) {
              assigned.add(element);
            }
          }
        });
    return assigned;
  }

  /** The {@link #flagArrays} of the body at {@code root}. */
  private static Set<Element> flagArrays(UnitContext unit, TreePath root) {
    Set<Element> used = new HashSet<>();
    Set<Element> escaping = new HashSet<>();
    new TreePathScanner<Void, Boolean>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Boolean nested) {
        Element element = unit.trees().getElement(getCurrentPath());
        if (element != null && element.getKind() == ElementKind.LOCAL_VARIABLE && isBooleanArray(element)) {
          Tree parent = getCurrentPath().getParentPath().getLeaf();
          boolean element0 = parent instanceof ArrayAccessTree access && access.getExpression() == node;
          (element0 && !nested ? used : escaping).add(element);
        }
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Boolean nested) {
        return super.visitLambdaExpression(node, true);
      }

      @Override
      public Void visitClass(ClassTree node, Boolean nested) {
        return super.visitClass(node, true);
      }
    }.scan(root, false);
    used.removeAll(escaping);
    return used;
  }

  private static TreePath child(TreePath parent, Tree leaf) {
    return new TreePath(parent, leaf);
  }
}
