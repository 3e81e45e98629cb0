package dev.lockdep.lockgraph.program;

import dev.lockdep.lockgraph.HeldLock;
import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.Provenance;
import dev.lockdep.lockgraph.PseudoLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one method does with locks (SPEC §6): every acquisition with the locks held before it,
 * every call with the locks held across it, by source position. Summaries hold names and
 * positions only, never compiler types, so they outlive their compilation unit, compose across
 * units ({@link SummaryComposer}) and are written to facts files ({@link ProgramFormat}).
 *
 * @param method the method as reports print it, e.g. {@code Pool.evict(long)}
 * @param id the identity calls name it by: {@code pkg.Type#name(paramTypes)} for methods (the
 *     binary name of the type for anonymous and local classes), {@code lambda@file:offset} for
 *     lambda bodies, {@code pkg.Type#<init>@offset} for initializer blocks
 * @param overrides the ids of every method this one overrides or implements
 * @param parameters per parameter, the instance name its acquisitions use ({@code local:p}) when a
 *     caller's argument may stand for it, or {@code ""} when {@code @LockClass} fixes its class
 * @param acquisitions in source order, each once per distinct held stack
 * @param calls in source order, each once per distinct held stack
 * @param suppressed the names of the checks {@code @SuppressWarnings} turns off for this method's
 *     facts
 * @param context what the body's annotations say about the context it runs in
 * @param stores for a constructor, the lock fields it sets from its parameters
 * @param flows where the body's objects go, for the program's type flow ({@link TypeFlow})
 * @param returnsHolding the locks the body takes and may still hold where it returns normally, as
 *     it names them: what a lock service ({@code void lock() { sync.lock(); }}) hands to its
 *     caller, which the caller's {@link #HELD_BY_CALL} entries stand for
 * @param returnedLock for a getter that implements or overrides a method returning a lock of a
 *     JDK type ({@code Object getLock() { return lock; }}), the lock it returns, named as the body
 *     names it; else null. A call of the method it implements is keyed by that method where the
 *     object it runs on is not known; where composition knows that object's class, it is this lock
 */
public record MethodSummary(
    String method,
    String id,
    List<String> overrides,
    List<String> parameters,
    List<Acquisition> acquisitions,
    List<CallSite> calls,
    Set<String> suppressed,
    BodyContext context,
    List<Store> stores,
    List<Flow> flows,
    List<HeldLock> returnsHolding,
    HeldLock returnedLock) {
  /**
   * How the id of a body begins that stands for code outside the program: its first use of a class
   * the program's other packages may use ({@code <outside>#<first use>(pkg.Type)}), which takes
   * the initializations that use starts. Its facts stand in for uses the compilation cannot see,
   * and are kept only for the dependencies no use the compilation has gives.
   */
  public static final String OUTSIDE = "<outside>#";

  /**
   * How the name begins of what the type flow gives for a lambda or a method reference ({@code N
   * fn:java.lang.Runnable#run()=lambda@p/Bus.java:312 p.User}): an object of no class, whose
   * functional interface's method ({@link #function}) runs the body it carries, wherever the flow
   * brings it (a listener kept in a list, a hook kept in a field).
   */
  public static final String FUNCTION = "fn:";

  /**
   * The flow's name of a lambda or method reference that runs {@code body} for a call of {@code
   * method}; {@code creator}: the class of the object whose {@code this} the body runs on (a
   * lambda's enclosing class, {@code this::m}'s), or null.
   */
  public static String function(String method, String body, String creator) {
    return FUNCTION + method + "=" + body + (creator == null ? "" : " " + creator);
  }

  /**
   * The body {@code type}, a name the flow gives ({@link #function}), runs for a call of {@code
   * method}; null when it is no lambda or method reference, or one of another interface.
   */
  public static String functionBody(String type, String method) {
    int at = FUNCTION.length() + method.length();
    if (!type.startsWith(FUNCTION) || type.length() <= at || type.charAt(at) != '='
        || !type.startsWith(method, FUNCTION.length())) {
      return null;
    }
    int space = type.indexOf(' ', at);
    return type.substring(at + 1, space < 0 ? type.length() : space);
  }

  /** The method {@code type}, a name the flow gives ({@link #function}), runs its body for. */
  public static String functionMethod(String type) {
    return type.substring(FUNCTION.length(), type.indexOf('=', FUNCTION.length()));
  }

  /** The class of the object a {@link #function} runs its body on, or null. */
  public static String functionCreator(String type) {
    int space = type.startsWith(FUNCTION) ? type.lastIndexOf(' ') : -1;
    return space < 0 ? null : type.substring(space + 1);
  }

  /** How instance names begin that name a local or a parameter ({@code local:name}), as {@link #parameters} are named. */
  public static final String LOCAL = "local:";

  public MethodSummary {
    Objects.requireNonNull(id);
    overrides = List.copyOf(overrides);
    parameters = List.copyOf(parameters);
    acquisitions = List.copyOf(acquisitions);
    calls = List.copyOf(calls);
    suppressed = Set.copyOf(suppressed);
    Objects.requireNonNull(context);
    stores = List.copyOf(stores);
    flows = List.copyOf(flows);
    returnsHolding = List.copyOf(returnsHolding);
  }

  /** A method that stores no lock field. */
  public MethodSummary(
      String method,
      String id,
      List<String> overrides,
      List<String> parameters,
      List<Acquisition> acquisitions,
      List<CallSite> calls,
      Set<String> suppressed,
      BodyContext context) {
    this(
        method, id, overrides, parameters, acquisitions, calls, suppressed, context, List.of(), List.of(), List.of(),
        null);
  }

  /** This summary with {@code more} flows after its own. */
  public MethodSummary withMoreFlows(List<Flow> more) {
    List<Flow> all = new ArrayList<>(flows);
    all.addAll(more);
    return new MethodSummary(
        method, id, overrides, parameters, acquisitions, calls, suppressed, context, stores, all, returnsHolding,
        returnedLock);
  }

  /** This summary with other acquisitions and calls, as {@link HeldByCalls} puts locks in place of its marks. */
  MethodSummary withEvents(List<Acquisition> newAcquisitions, List<CallSite> newCalls) {
    return new MethodSummary(
        method, id, overrides, parameters, newAcquisitions, newCalls, suppressed, context, stores, flows, returnsHolding,
        returnedLock);
  }

  /**
   * The class of a mark in a held list that stands for whatever the call at the mark's {@link
   * HeldLock#acquiredAt}, of the same body, returns holding ({@link #returnsHolding} of the bodies
   * it runs). The front end writes it where a method of another unit, which it cannot look into,
   * is called right before a {@code try} whose {@code finally} calls another method on the same
   * object ({@code segment.lock(); try { ... } finally { segment.unlock(); }}): the lock-service
   * idiom. Composition puts the locks in its place, seen from the caller, or drops it when the call
   * returns holding nothing. Its key is a pseudo key (they start with {@code #}) that no lock has.
   */
  public static final LockClass HELD_BY_CALL =
      new LockClass("#held-by-call", 0, "held by a call", true, PseudoLock.NONE);

  /** Whether {@code held} is a {@link #HELD_BY_CALL} mark. */
  public static boolean isHeldByCall(HeldLock held) {
    return held.lockClass().equals(HELD_BY_CALL);
  }

  /**
   * One edge of the program's type flow ({@link TypeFlow}): the objects the values {@code sources}
   * name may be what {@code target} holds. Targets and sources are short texts, one kind letter, a
   * space and what it names:
   *
   * <ul>
   *   <li>targets: {@code F pkg.Owner.field} a field (any object's, and what a collection kept in
   *       it holds); {@code R} what the body returns; {@code A callee#i} the parameter {@code i} of
   *       the bodies a call of {@code callee} runs; {@code W source} what the collection, array or
   *       other library object {@code source} names is given to hold; {@code U line:column callee}
   *       the receiver of the call of {@code callee} at that position; {@code M line:column} the
   *       object of the {@code synchronized} statement there; {@code Y F pkg.Owner.field} the
   *       field's declared type, the one source, when it is a program type; {@code E} what the
   *       body passes to library code that may hand it back anywhere.
   *   <li>sources: {@code N pkg.Type} an object created there, of exactly that program type;
   *       {@code A pkg.Type} an object created there, of a type outside the program (a returned
   *       {@code new ArrayList<>()}: the body is a factory);
   *       {@code T pkg.Type} an object of that type or a subtype ({@code this});
   *       {@code F pkg.Owner.field}; {@code P i} the body's parameter {@code i}; {@code C callee}
   *       what a call of {@code callee} returns; {@code ?} an object the flow cannot follow;
   *       {@code B pkg.Type}, of a receiver that is a cast, the type its operand is declared as
   *       (the object is of that type too, where the rest is not known); {@code K source}, beside
   *       the {@code C} of a JDK method that returns no type variable ({@code
   *       conn.createStatement()}), a source of its receiver: where that may be an object the flow
   *       cannot follow, so is what the call returns.
   * </ul>
   */
  public record Flow(String target, List<String> sources) {
    public Flow {
      Objects.requireNonNull(target);
      sources = List.copyOf(sources);
    }
  }

  /**
   * A constructor's {@code this.field = parameter}: the object the field holds is the one its
   * creator passed. For a lock field, of the class the argument has there; for any field, the
   * argument's object in the methods called on the new object by its creator.
   *
   * @param lockClass the field's key, {@code pkg.Owner.field}: for a lock field, the class key its
   *     own acquisitions name it by
   * @param parameter the position of the parameter
   */
  public record Store(String lockClass, int parameter) {
    public Store {
      Objects.requireNonNull(lockClass);
    }
  }

  /**
   * lockdep's {@code lock_acquire} with the held stack at that moment.
   *
   * @param held the locks held, oldest first
   * @param next the lock taken, with its mode, trylock flag and instance
   * @param at the acquisition
   * @param guards the {@link #guard guards} on the boolean parameters the path to it tested
   * @param released the locks of its callers the path to it released, each where: they are not
   *     held when it runs, though the caller holds them across the call
   */
  public record Acquisition(
      List<HeldLock> held, HeldLock next, Provenance at, List<String> guards, List<HeldLock> released) {
    public Acquisition {
      held = List.copyOf(held);
      guards = List.copyOf(guards);
      released = List.copyOf(released);
    }

    /** An acquisition on a path that tested no boolean parameter and released no caller's lock. */
    public Acquisition(List<HeldLock> held, HeldLock next, Provenance at) {
      this(held, next, at, List.of(), List.of());
    }
  }

  /** The instance name of a {@code true} argument: a constant the callee's guards are tested against. */
  public static final String TRUE = "=true";

  /** The instance name of a {@code false} argument. */
  public static final String FALSE = "=false";

  /**
   * A guard: the path to an acquisition or call went through a test of the boolean parameter
   * named {@code parameter} ({@code local:p}) that holds when it is {@code value}. A call passing
   * the other constant for it ({@link #TRUE}, {@link #FALSE}) does not run what it guards: {@code
   * load(name, false)} does not take the lock {@code load} takes under {@code if (needToLock)}.
   */
  public static String guard(String parameter, boolean value) {
    return value ? parameter : "!" + parameter;
  }

  /** The parameter a {@link #guard} tests. */
  public static String guarded(String guard) {
    return guard.startsWith("!") ? guard.substring(1) : guard;
  }

  /** The constant argument under which {@code guard} does not hold: {@link #FALSE} for {@code p}, {@link #TRUE} for {@code !p}. */
  public static String refuting(String guard) {
    return guard.startsWith("!") ? TRUE : FALSE;
  }

  /**
   * A call, with the locks held across it.
   *
   * @param callee {@code pkg.Type#name(paramTypes)}
   * @param held the locks held across the call, oldest first
   * @param at the call
   * @param receiver the instance name of the receiver ({@code this}, {@code this.pool},
   *     {@code local:p}), or null when unknown or static
   * @param receiverType the receiver's type: the static type of the receiver expression, or the
   *     runtime type when {@code exactReceiver}; null for a static call
   * @param exactReceiver whether the receiver is known to be an object of exactly {@code
   *     receiverType} (it was created right there, {@code new T()})
   * @param virtual whether an override of {@code callee} may run instead (not static, private,
   *     final or a {@code super} call)
   * @param arguments what each argument is to lock analysis, by position
   * @param runsCallbacks whether the callee is a known synchronous API that runs the callbacks
   *     passed to it before it returns ({@code forEach}, {@code computeIfAbsent}, ...)
   * @param reclaim whether the callee may enter memory reclaim ({@code @Reclaim})
   * @param gfp the callee's own allocation scope ({@code @GfpFlags}), {@link Gfp#KERNEL} when none
   * @param fenceWait whether the callee waits for a fence or future ({@code @FenceWait},
   *     {@code Future.get}, ...)
   * @param guards the {@link #guard guards} on the boolean parameters the path to it tested
   * @param released the locks of its callers the path to it released ({@link Acquisition#released})
   * @param awaits for a wait on a task's completion ({@code executor.submit(task).get()}, {@code
   *     f.get()} of a local {@code f} so made, {@code t.join()} of a {@code new Thread(task)}), the
   *     ids of the bodies the task runs: the wait lasts until another thread has run them
   */
  public record CallSite(
      String callee,
      List<HeldLock> held,
      Provenance at,
      String receiver,
      String receiverType,
      boolean exactReceiver,
      boolean virtual,
      List<Argument> arguments,
      boolean runsCallbacks,
      boolean reclaim,
      Gfp gfp,
      boolean fenceWait,
      List<String> guards,
      List<HeldLock> released,
      List<String> awaits) {
    public CallSite {
      Objects.requireNonNull(callee);
      Objects.requireNonNull(gfp);
      held = List.copyOf(held);
      arguments = List.copyOf(arguments);
      guards = List.copyOf(guards);
      released = List.copyOf(released);
      awaits = List.copyOf(awaits);
    }

    /** This call with {@code newHeld} held across it. */
    public CallSite withHeld(List<HeldLock> newHeld) {
      return new CallSite(
          callee, newHeld, at, receiver, receiverType, exactReceiver, virtual, arguments, runsCallbacks, reclaim, gfp,
          fenceWait, guards, released, awaits);
    }
  }

  /** An argument unknown to lock analysis: neither a lock nor a callback. */
  public static final Argument NO_ARGUMENT = new Argument(null, null, List.of(), null, false);
  /** The literal {@code null}: no object, so a call the callee makes on that parameter runs nothing ({@link Argument#isNull}). */
  public static final Argument NULL_ARGUMENT = new Argument(null, null, List.of(), null, true);

  /**
   * An argument of a call.
   *
   * @param lockClass the lock class the argument expression has, or null when it is not a
   *     reference that may be a lock
   * @param instance its instance name, or null; for a boolean constant, {@link #TRUE} or {@link
   *     #FALSE}, and for a boolean parameter passed on, the parameter's name
   * @param callbacks the bodies it runs when invoked: a lambda, a method reference, the methods
   *     of an anonymous or local class instance
   * @param type the argument's static type, or its runtime type when {@code exact}; null when it
   *     is no object of the program's concern
   * @param exact whether the argument is known to be an object of exactly {@code type}
   */
  public record Argument(LockClass lockClass, String instance, List<Callback> callbacks, String type, boolean exact) {
    public Argument {
      callbacks = List.copyOf(callbacks);
    }

    /**
     * Whether this is the literal {@code null}: exactly known to be no object of any type, encoded
     * as an exact argument without a type.
     */
    public boolean isNull() {
      return exact && type == null;
    }

    /** An argument that carries callbacks and nothing else. */
    public static Argument ofCallbacks(List<Callback> callbacks) {
      return new Argument(null, null, callbacks, null, false);
    }

    /** An argument known only by its instance name: a boolean constant or parameter passed on. */
    public static Argument ofInstance(String instance) {
      return new Argument(null, instance, List.of(), null, false);
    }
  }

  /**
   * A body an argument carries.
   *
   * @param target the id of the body
   * @param receiver for a bound method reference, the instance name of its receiver; else null
   * @param functional whether invoking any method of the functional interface runs it (lambdas,
   *     method references); false for a method of a class, which runs for calls of its own name
   */
  public record Callback(String target, String receiver, boolean functional) {
    public Callback {
      Objects.requireNonNull(target);
    }
  }
}
