package dev.lockdep.checker.analysis;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import dev.lockdep.lockgraph.Provenance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Which locks a call may return holding, for {@code UnbalancedUnlock}: lockdep reports a release
 * only where the releasing thread can see that the lock is not held, and a lock service
 * ({@code void acquire() { lock.lock(); }}) or a method that returns with a lock held hands its
 * hold to the code after the call. The answer is a set of marks, each one of
 * <ul>
 *   <li>{@code class:K}: some lock of class {@code K};
 *   <li>{@code object:X}: a lock of the object {@code X} names ({@code this}, {@code local:p}, a
 *       static owner {@code pkg.T}), or of an object it reaches ({@code this.lock});
 *   <li>{@link #ANY}: any lock.
 * </ul>
 * A JDK method leaves no lock of the program held (the lock operations themselves are classified
 * before). A method of this compilation unit with a body is looked into: its locks still held where
 * it returns, with what its own calls left held, seen from the call (its {@code this} is the call's
 * receiver). A method whose body the unit does not have may leave held the locks of its receiver
 * object. Either may leave held the locks passed to it and the lock it returns when it returns a
 * lock: their objects are the caller's to name. No other unit's body is read, so compiling a
 * subset of the files gives the same answers.
 */
final class CallHolds {
  /**
   * A release in a called method of a lock its caller holds: reported at the call where the caller
   * can see that it does not hold it.
   *
   * @param lock the lock released, as the calling body names it
   * @param anyMode the release ends a hold of either mode
   * @param at where the release is, in the callee or further down
   */
  record CallerRelease(LockRef lock, boolean anyMode, Provenance at) {}

  /**
   * What a call does to the locks its caller holds, beyond the lock operations.
   *
   * @param leftHeld the marks of what it may return holding
   * @param released the releases of its caller's holds that its body shows
   * @param returnsHolding the locks its body takes and may return holding, as the caller names
   *     them: a lock service ({@code void lockWrite() { rw.writeLock().lock(); }})
   */
  record Effect(Set<String> leftHeld, List<CallerRelease> released, List<LockRef> returnsHolding) {
    static final Effect NONE = new Effect(Set.of(), List.of(), List.of());

    Effect(Set<String> leftHeld, List<CallerRelease> released) {
      this(leftHeld, released, List.of());
    }
  }

  static final String ANY = "*";
  private static final Set<String> RELEASES =
      Set.of("unlock", "unlockRead", "unlockWrite", "tryUnlockRead", "tryUnlockWrite", "release");
  /** The JDK's lock operations that take a lock, by name. */
  private static final Set<String> ACQUIRES =
      Set.of(
          "lock", "lockInterruptibly", "tryLock", "acquire", "acquireUninterruptibly", "tryAcquire", "writeLock",
          "readLock", "tryWriteLock", "tryReadLock", "writeLockInterruptibly", "readLockInterruptibly");
  private static final String CLASS = "class:";
  private static final String OBJECT = "object:";
  /**
   * How many methods of the unit are looked into inside one another. A chain of calls deeper than
   * this, or a recursion, is judged at its next call as a method whose body the unit does not
   * have: that may hide a release, never add one.
   */
  private static final int MAX_NESTING = 8;

  private final UnitContext unit;
  private final ThrowingCalls throwing;
  /** What calling each method of the unit does, seen from inside it. */
  private final Map<ExecutableElement, Effect> byBody = new HashMap<>();
  private final Set<ExecutableElement> inProgress = new HashSet<>();
  private final Map<ExecutableElement, LockCalls> lockCalls = new HashMap<>();

  CallHolds(UnitContext unit, ThrowingCalls throwing) {
    this.unit = unit;
    this.throwing = throwing;
  }

  /**
   * What the call at {@code call}, of {@code callee}, may leave held: {@code receiver} is the object
   * it runs on as {@link LockClassKeys#instance} names it (null for an unknown object or a static
   * method), {@code arguments} what it is passed.
   */
  Effect effect(
      TreePath call,
      ExecutableElement callee,
      boolean isStatic,
      String receiver,
      List<? extends ExpressionTree> arguments,
      LocalScope scope) {
    if (isJdk(callee)) {
      return Effect.NONE;
    }
    Set<String> left = new TreeSet<>();
    List<CallerRelease> released = new ArrayList<>();
    List<LockRef> returning = new ArrayList<>();
    TreePath declaration = unit.declarationWithBody(callee);
    Effect inside = declaration == null ? null : byBody(callee, declaration);
    if (inside == null) {
      left.add(isStatic ? OBJECT + qualifiedName(callee) : receiver == null ? ANY : OBJECT + receiver);
    } else {
      for (String mark : inside.leftHeld()) {
        String seen = fromCaller(mark, receiver);
        if (seen != null) {
          left.add(seen);
        }
      }
      for (CallerRelease release : inside.released()) {
        LockRef lock = release.lock();
        LockRef seen = new LockRef(lock.lockClass(), lock.mode(), objectFromCaller(lock.instance(), receiver), lock.text());
        released.add(new CallerRelease(seen, release.anyMode(), release.at()));
      }
      if (inside.leftHeld().isEmpty()) {
        return released.isEmpty() ? Effect.NONE : new Effect(Set.of(), released);
      }
      for (LockRef lock : inside.returnsHolding()) {
        // A lock of the callee's own object, or a static one, is the caller's to name; a local's is not.
        String seen = objectFromCaller(lock.instance(), receiver);
        if (seen != null) {
          returning.add(new LockRef(lock.lockClass(), lock.mode(), seen, lock.text()));
        }
      }
    }
    for (ExpressionTree argument : arguments) {
      addLock(new TreePath(call, argument), scope, left);
    }
    addLock(call, scope, left);
    return new Effect(left, released, returning);
  }


  /**
   * How many lock operations that take a lock, and that release one, a body calls, by name alone
   * ({@code unlock}, {@code unlockRead}, {@code unlockWrite}, {@code tryUnlockRead}, {@code
   * tryUnlockWrite}, {@code release}; {@code lock}, {@code tryLock}, {@code acquire}, ...): what
   * tells cheaply which calls are worth looking into.
   */
  record LockCalls(int takes, int releases) {
    static final LockCalls NONE = new LockCalls(0, 0);

    static LockCalls of(Tree body) {
      int[] found = {0, 0};
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
          ExpressionTree select = node.getMethodSelect();
          String name =
              (select instanceof MemberSelectTree member ? member.getIdentifier() : ((IdentifierTree) select).getName())
                  .toString();
          found[0] += ACQUIRES.contains(name) ? 1 : 0;
          found[1] += RELEASES.contains(name) ? 1 : 0;
          return super.visitMethodInvocation(node, null);
        }
      }.scan(body, null);
      return new LockCalls(found[0], found[1]);
    }
  }

  /** Whether {@code callee} is a method of this unit that calls a release. */
  boolean mayRelease(ExecutableElement callee) {
    return lockCalls(callee).releases() > 0;
  }

  /**
   * Whether {@code callee} is a method of this unit that may hand a hold to its caller or end one
   * of its caller's: its body calls lock operations that take a lock more often, or release one
   * more often, than the other ({@code lock(); try { ... } finally { unlock(); }} is even). Only
   * those are looked into for {@link Effect#returnsHolding} by every call.
   */
  boolean mayHandOver(ExecutableElement callee) {
    LockCalls calls = lockCalls(callee);
    return calls.takes() != calls.releases();
  }

  /** {@link LockCalls} of {@code callee}'s body in this unit, counted once per method; none without one. */
  private LockCalls lockCalls(ExecutableElement callee) {
    return lockCalls.computeIfAbsent(
        callee,
        m -> {
          TreePath declaration = unit.declarationWithBody(m);
          return declaration == null ? LockCalls.NONE : LockCalls.of(((MethodTree) declaration.getLeaf()).getBody());
        });
  }

  /** Whether a path whose calls left {@code marks} held may hold {@code lock} through them. */
  static boolean mayHold(Set<String> marks, LockRef lock) {
    if (marks.isEmpty()) {
      return false;
    }
    if (marks.contains(ANY) || marks.contains(classMark(lock))) {
      return true;
    }
    String instance = lock.instance();
    for (String mark : marks) {
      if (mark.startsWith(OBJECT)) {
        if (instance == null || reaches(mark.substring(OBJECT.length()), instance)) {
          return true;
        }
      }
    }
    return false;
  }

  /** What a path that ends holding {@code lock} leaves held for its caller. */
  static String classMark(LockRef lock) {
    return CLASS + lock.lockClass().key();
  }

  /** Whether the object {@code instance} is {@code root} or one reached from it ({@code root.lock}). */
  private static boolean reaches(String root, String instance) {
    return instance.startsWith(root) && (instance.length() == root.length() || instance.charAt(root.length()) == '.');
  }

  /**
   * A mark of the callee's, seen from the caller. Its locals and parameters are nothing the caller
   * names (what it was passed is marked at the call), so they are dropped.
   */
  private static String fromCaller(String mark, String receiver) {
    if (!mark.startsWith(OBJECT)) {
      return mark;
    }
    String instance = mark.substring(OBJECT.length());
    if (instance.startsWith(LockClassKeys.LOCAL)) {
      return null;
    }
    String seen = objectFromCaller(instance, receiver);
    return seen == null ? ANY : OBJECT + seen;
  }

  /** An object the callee names, as the caller names it: the callee's {@code this} is {@code receiver}. */
  private static String objectFromCaller(String instance, String receiver) {
    if (instance == null || instance.startsWith(LockClassKeys.LOCAL)) {
      return null;
    }
    return reaches("this", instance) ? LockRef.rebase(instance, receiver) : instance;
  }

  /** Marks the lock the expression at {@code path} is, if it is a lock. */
  private void addLock(TreePath path, LocalScope scope, Set<String> left) {
    if (throwing.isLock(unit.trees().getTypeMirror(path))) {
      left.add(classMark(unit.keys().resolve(path, scope, 0)));
    }
  }

  private Effect byBody(ExecutableElement callee, TreePath declaration) {
    Effect known = byBody.get(callee);
    if (known != null) {
      return known;
    }
    if (inProgress.size() >= MAX_NESTING || !inProgress.add(callee)) {
      return null;
    }
    try {
      TreePath body = new TreePath(declaration, ((MethodTree) declaration.getLeaf()).getBody());
      String name = Names.bodyName(unit.trees(), declaration);
      Effect effect = MethodAnalyzer.followingCalls(unit, name, body).effectOfCall(body);
      byBody.put(callee, effect);
      return effect;
    } finally {
      inProgress.remove(callee);
    }
  }

  /** Whether {@code callee} is a method of the JDK, which leaves no lock of the program held. */
  boolean isJdk(ExecutableElement callee) {
    return callee.getEnclosingElement() instanceof TypeElement owner && unit.lookups().ofJdk(owner);
  }

  private static String qualifiedName(ExecutableElement method) {
    Element owner = method.getEnclosingElement();
    return owner instanceof TypeElement type ? type.getQualifiedName().toString() : owner.toString();
  }
}
