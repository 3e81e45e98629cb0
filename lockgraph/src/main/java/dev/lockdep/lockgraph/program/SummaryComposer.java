package dev.lockdep.lockgraph.program;

import dev.lockdep.lockgraph.HeldLock;
import dev.lockdep.lockgraph.IrqKind;
import dev.lockdep.lockgraph.IrqState;
import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.Provenance;
import dev.lockdep.lockgraph.ReadMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Composes method summaries into the acquisitions of the whole program (SPEC §6): a callee's
 * acquisitions happen under the locks its caller holds across the call, with the callee's
 * {@code this} and lock parameters standing for the caller's receiver and arguments, through
 * virtual dispatch ({@link ClassHierarchy}) and callbacks. It knows nothing about cycles: it only
 * says which locks are held at each acquisition, and the lock graph's checks do the rest.
 *
 * <p>The walk is a breadth-first worklist over <em>contexts</em>: a body entered with a held stack
 * and a frame (what its {@code this}, parameters and callbacks are in the outermost caller's
 * terms). Every body is a root context with nothing held, which gives its own facts. A call adds a
 * context to each body it may run when something is held across it or an argument binds a lock
 * or a callback the callee uses. Contexts are deduplicated by body, unit, held stack and frame, so
 * recursion and mutual recursion reach a fixpoint; caps bound the rest (docs/whole-program.md):
 * {@value #MAX_CALL_DEPTH} calls deep, {@value #MAX_CONTEXTS_PER_BODY} contexts per body and
 * {@value #MAX_HELD} held locks. Each level is sorted before the caps apply, so the result does
 * not depend on the order of the summaries.
 *
 * <p>A context also carries the state its body runs in (SPEC §4, §6): the irq state, the
 * allocation scope, whether it runs inside memory reclaim (memalloc) and whether it holds the
 * {@code dma_fence_map} reader. Roots get that state from the body's own annotations: an
 * {@code @IrqContext} body runs in its interrupt, every other entry (non-private) body in process
 * context with irqs on, a {@code @Reclaim} or {@code @Shrinker} body inside reclaim holding
 * {@code fs_reclaim}, a {@code @FenceSignalling} body holding the fence reader. A call passes the
 * state to its callees, each applying its own annotations on entry, so that a lock taken anywhere
 * under an interrupt handler is irq-safe. A reclaiming call takes {@code fs_reclaim} where the
 * allocation scope allows file-system reclaim, a fence wait takes {@code dma_fence_map}
 * exclusively, and either one in an interrupt or with irqs off is a sleep in atomic context.
 */
public final class SummaryComposer {
  /** Calls followed from a root: deeper acquisitions are not composed. */
  public static final int MAX_CALL_DEPTH = 8;

  /** Distinct contexts a body is entered with beyond its own root. */
  public static final int MAX_CONTEXTS_PER_BODY = 32;

  /** Locks held at a call: deeper stacks are not followed (lockdep's MAX_LOCK_DEPTH is 48). */
  public static final int MAX_HELD = 16;

  /**
   * One acquisition of the whole program.
   *
   * @param held the locks held, oldest first, the outermost caller's first
   * @param next the lock taken; its provenance carries the call chain from the outermost caller
   * @param suppressed the names of the checks that a body on the chain suppresses
   * @param anchor the outermost call in the current compilation that led here, for an acquisition
   *     reached through calls from a current body; else null. A finding whose own position lies
   *     in another compilation is reported there.
   */
  public record ComposedAcquisition(
      List<HeldLock> held, HeldLock next, IrqState irq, Set<String> suppressed, Provenance anchor) {}

  /**
   * A call that may sleep made where sleeping is not allowed: lockdep's {@code might_sleep} in
   * interrupt context or with irqs disabled.
   *
   * @param at the call, with the call chain from the outermost caller
   * @param what what sleeps, e.g. {@code a reclaiming allocation}
   * @param irq the irq state at the call
   * @param held the locks held across the call
   * @param suppressed the names of the checks that a body on the chain suppresses
   * @param anchor as for {@link ComposedAcquisition}
   */
  public record AtomicSleep(
      Provenance at, String what, IrqState irq, List<HeldLock> held, Set<String> suppressed, Provenance anchor) {}

  /**
   * The result of composition.
   *
   * @param acquisitions by unit, units in name order
   * @param sleeps by unit, units in name order
   */
  public record Composition(
      Map<String, List<ComposedAcquisition>> acquisitions, Map<String, List<AtomicSleep>> sleeps) {}

  /**
   * The irq state of an acquisition in a body no root or caller gives a context: it adds lock
   * order and no irq usage, since the context it runs in is its callers'.
   */
  static final IrqState ORDER_ONLY = new IrqState(IrqState.Context.TASK, false, false);

  private final ClassHierarchy hierarchy;
  /** The unit of each body of the current compilation. */
  private final Map<MethodSummary, String> currentUnits = new IdentityHashMap<>();
  /** Per body id, its root context; computed on first use. */
  private final Map<String, Entered> roots = new HashMap<>();
  /**
   * Per body, its calls that may run a producer, in order; computed on first use. Most calls reach
   * only the libraries, and every context of the body would otherwise look them up again.
   */
  private final Map<MethodSummary, List<MethodSummary.CallSite>> liveCalls = new IdentityHashMap<>();
  /**
   * The bodies whose contexts may add something: an acquisition, a reclaim or a fence wait of
   * their own or of a body they may run. Another body's contexts add nothing whatever their held
   * stack and frame, nor do their successors, and caps count per body, so they are not entered.
   */
  private final Set<MethodSummary> producers = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Per body, the parameters a caller's binding can matter to; computed on first use. */
  private final Map<String, Set<String>> usedParameters = new HashMap<>();

  private SummaryComposer(ClassHierarchy hierarchy) {
    this.hierarchy = hierarchy;
  }

  /**
   * The acquisitions of the whole program by unit, units in name order, acquisitions in a
   * deterministic order. {@code current} is the compilation being checked; {@code classpath} holds
   * units of earlier compilations, of which those named like a current unit are stale and
   * ignored. An acquisition belongs to the unit of its outermost caller, or, when that is on the
   * classpath, to the first current body on its chain, so that every fact a current body takes
   * part in is a current fact.
   */
  public static Composition compose(Collection<ProgramUnit> current, Collection<ProgramUnit> classpath) {
    Set<String> currentFiles = new HashSet<>();
    current.forEach(u -> currentFiles.add(u.file()));
    List<ProgramUnit> sorted = new ArrayList<>(current);
    for (ProgramUnit unit : classpath) {
      if (!currentFiles.contains(unit.file())) {
        sorted.add(unit);
      }
    }
    sorted.sort(Comparator.comparing(ProgramUnit::file));
    List<MethodSummary> all = new ArrayList<>();
    for (ProgramUnit unit : sorted) {
      all.addAll(unit.methods());
    }
    SummaryComposer composer = new SummaryComposer(new ClassHierarchy(all));
    composer.findProducers(all);
    List<Context> roots = new ArrayList<>();
    for (ProgramUnit unit : sorted) {
      for (MethodSummary method : unit.methods()) {
        Entered root = composer.root(method);
        roots.add(
            new Context(
                method,
                unit.file(),
                root.held(),
                Frame.root(method.id()),
                List.of(),
                List.of(method.id()),
                method.suppressed(),
                null,
                root.state()));
      }
    }
    for (ProgramUnit unit : sorted) {
      if (currentFiles.contains(unit.file())) {
        unit.methods().forEach(m -> composer.currentUnits.put(m, unit.file()));
      }
    }
    return composer.run(roots);
  }

  /**
   * Marks the {@link #producers} among {@code all}: the bodies that acquire, reclaim or wait
   * themselves, or run callbacks they are given (which may do anything), then every body that may
   * call one of those, backwards along the calls.
   */
  private void findProducers(List<MethodSummary> all) {
    Map<MethodSummary, List<MethodSummary>> callers = new IdentityHashMap<>();
    ArrayDeque<MethodSummary> work = new ArrayDeque<>();
    for (MethodSummary body : all) {
      boolean produces = !body.acquisitions().isEmpty();
      for (MethodSummary.CallSite call : body.calls()) {
        produces |= call.reclaim() || call.fenceWait() || callsCallbacks(call);
        for (MethodSummary target : hierarchy.targets(call.callee(), call.virtual())) {
          callers.computeIfAbsent(target, t -> new ArrayList<>()).add(body);
        }
      }
      if (produces && producers.add(body)) {
        work.add(body);
      }
    }
    while (!work.isEmpty()) {
      for (MethodSummary caller : callers.getOrDefault(work.poll(), List.of())) {
        if (producers.add(caller)) {
          work.add(caller);
        }
      }
    }
  }

  /** Whether {@code call} may run a callback: its arguments', or one a frame binds to its receiver. */
  private static boolean callsCallbacks(MethodSummary.CallSite call) {
    return call.runsCallbacks() || (call.receiver() != null && call.receiver().startsWith("local:"));
  }

  private Composition run(List<Context> roots) {
    Map<String, List<ComposedAcquisition>> out = new TreeMap<>();
    Map<String, List<AtomicSleep>> sleeps = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    Map<String, Integer> perBody = new HashMap<>();
    List<Context> level = roots;
    for (int depth = 0; !level.isEmpty(); depth++) {
      List<Context> next = new ArrayList<>();
      for (Context context : level) {
        emit(context, out);
        effects(context, out, sleeps);
        if (depth < MAX_CALL_DEPTH) {
          successors(context, next);
        }
      }
      List<Candidate> candidates = new ArrayList<>(next.size());
      for (Context context : next) {
        String key = context.key();
        // A context an earlier level already entered is dropped wherever it sorts: not sorted at all.
        if (!seen.contains(key)) {
          candidates.add(new Candidate(context, key, String.join("\n", context.chain())));
        }
      }
      candidates.sort(Candidate.ORDER);
      level = new ArrayList<>();
      for (Candidate candidate : candidates) {
        Context context = candidate.context();
        int count = perBody.getOrDefault(context.method().id(), 0);
        if (count < MAX_CONTEXTS_PER_BODY && seen.add(candidate.key())) {
          perBody.put(context.method().id(), count + 1);
          level.add(context);
        }
      }
    }
    return new Composition(out, sleeps);
  }

  private static void emit(Context context, Map<String, List<ComposedAcquisition>> out) {
    List<ComposedAcquisition> unit = out.computeIfAbsent(context.unit(), u -> new ArrayList<>());
    for (MethodSummary.Acquisition acquisition : context.method().acquisitions()) {
      List<HeldLock> held = new ArrayList<>(context.held());
      for (HeldLock lock : acquisition.held()) {
        held.add(context.frame().map(lock, lock.acquiredAt()));
      }
      Provenance at =
          context.chain().isEmpty() ? acquisition.at() : acquisition.at().withCallChain(context.chain());
      unit.add(
          new ComposedAcquisition(
              held, context.frame().map(acquisition.next(), at), context.state().irqOrOrderOnly(),
              context.suppressed(), context.anchor()));
    }
  }

  /**
   * What the body's calls do to the pseudo-locks: a reclaiming call outside reclaim takes and
   * releases {@code fs_reclaim} when its allocation scope allows file-system reclaim; a fence wait
   * drops the fence reader, if held, and takes and releases {@code dma_fence_map} exclusively.
   * Either one that may sleep, made in an interrupt or with irqs off, is a sleep in atomic context.
   */
  private static void effects(
      Context context, Map<String, List<ComposedAcquisition>> out, Map<String, List<AtomicSleep>> sleeps) {
    State state = context.state();
    for (MethodSummary.CallSite call : context.method().calls()) {
      if (!call.reclaim() && !call.fenceWait()) {
        continue;
      }
      List<HeldLock> held = new ArrayList<>(context.held());
      for (HeldLock lock : call.held()) {
        held.add(context.frame().map(lock, lock.acquiredAt()));
      }
      Provenance at = context.chain().isEmpty() ? call.at() : call.at().withCallChain(context.chain());
      Gfp gfp = state.gfp().within(call.gfp());
      List<ComposedAcquisition> unit = out.computeIfAbsent(context.unit(), u -> new ArrayList<>());
      if (call.reclaim() && gfp.allowsFsReclaim() && !state.memalloc()) {
        unit.add(
            new ComposedAcquisition(
                held, new HeldLock(LockClass.FS_RECLAIM, ReadMode.EXCLUSIVE, false, null, at),
                state.irqOrOrderOnly(), context.suppressed(), context.anchor()));
      }
      if (call.fenceWait()) {
        List<HeldLock> others = new ArrayList<>(held);
        others.removeIf(lock -> lock.lockClass().equals(LockClass.DMA_FENCE_MAP));
        unit.add(
            new ComposedAcquisition(
                others, new HeldLock(LockClass.DMA_FENCE_MAP, ReadMode.EXCLUSIVE, false, null, at),
                state.irqOrOrderOnly(), context.suppressed(), context.anchor()));
      }
      String what =
          call.fenceWait() ? "a fence wait" : call.reclaim() && gfp.maySleep() ? "a reclaiming allocation" : null;
      if (what != null && state.atomic()) {
        sleeps.computeIfAbsent(context.unit(), u -> new ArrayList<>())
            .add(new AtomicSleep(at, what, state.irq(), held, context.suppressed(), context.anchor()));
      }
    }
  }

  /** A body entered: the locks it holds and the state it runs in. */
  private record Entered(List<HeldLock> held, State state) {}

  /** The root context of {@code body}: what its own annotations say, from nothing held. */
  private Entered root(MethodSummary body) {
    BodyContext own = body.context();
    boolean holdsReclaim = own.shrinker() || (own.reclaim() && own.gfp().allowsFsReclaim());
    State state = new State(own.entry() ? IrqState.PROCESS : null, Gfp.KERNEL, holdsReclaim, false);
    return enter(body, state, List.of(), own.declaredAt(), holdsReclaim);
  }

  /**
   * {@code body} entered in {@code state} with {@code held} held: its own annotations applied on
   * top. {@code reclaims} says whether the entry itself takes {@code fs_reclaim}: a reclaim root,
   * or a reclaiming call that takes it.
   */
  private static Entered enter(MethodSummary body, State state, List<HeldLock> held, Provenance at, boolean reclaims) {
    BodyContext own = body.context();
    IrqState irq = state.irq();
    if (own.irqContext() != null) {
      irq = own.irqContext() == IrqKind.HARDIRQ ? IrqState.IN_HARDIRQ : IrqState.IN_SOFTIRQ;
    }
    if (own.irqsDisabled() == IrqKind.HARDIRQ) {
      irq = irq == null ? ORDER_ONLY : irq.withHardirqsEnabled(false).withSoftirqsEnabled(false);
    } else if (own.irqsDisabled() == IrqKind.SOFTIRQ && irq != null) {
      irq = irq.withSoftirqsEnabled(false);
    }
    List<HeldLock> entered = new ArrayList<>(held);
    boolean memalloc = state.memalloc();
    if (reclaims && !heldClass(held, LockClass.FS_RECLAIM)) {
      entered.add(new HeldLock(LockClass.FS_RECLAIM, ReadMode.EXCLUSIVE, false, null, at));
    }
    memalloc |= own.reclaim() || own.shrinker();
    boolean signalling = state.signalling();
    if (own.fenceSignalling() && !signalling) {
      // dma_fence_begin_signalling: a non-recursive reader, taken once for nested sections.
      entered.add(new HeldLock(LockClass.DMA_FENCE_MAP, ReadMode.SHARED, false, null, own.declaredAt()));
      signalling = true;
    }
    return new Entered(entered, new State(irq, state.gfp().within(own.gfp()), memalloc, signalling));
  }

  private static boolean heldClass(List<HeldLock> held, LockClass lockClass) {
    for (HeldLock lock : held) {
      if (lock.lockClass().equals(lockClass)) {
        return true;
      }
    }
    return false;
  }

  /** Whether two stacks hold the same locks in the same modes, wherever they were taken. */
  private static boolean sameLocks(List<HeldLock> a, List<HeldLock> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      HeldLock x = a.get(i);
      HeldLock y = b.get(i);
      if (!x.lockClass().equals(y.lockClass()) || x.read() != y.read() || !Objects.equals(x.instance(), y.instance())) {
        return false;
      }
    }
    return true;
  }

  private void successors(Context context, List<Context> into) {
    Frame frame = context.frame();
    for (MethodSummary.CallSite call : liveCalls.computeIfAbsent(context.method(), this::liveCalls)) {
      if (context.held().size() + call.held().size() > MAX_HELD) {
        continue;
      }
      // Many calls enter nothing: find that out before building the callee's stack and chain.
      List<Entry> entries = entries(call, context);
      if (entries.isEmpty()) {
        continue;
      }
      List<HeldLock> held = new ArrayList<>(context.held());
      for (HeldLock lock : call.held()) {
        held.add(frame.map(lock, lock.acquiredAt()));
      }
      List<String> chain = null;
      boolean fromCurrent = currentUnits.containsKey(context.method());
      Provenance anchor = context.anchor() == null && fromCurrent ? call.at() : context.anchor();
      State state = context.state();
      boolean reclaims = call.reclaim() && state.gfp().within(call.gfp()).allowsFsReclaim() && !state.memalloc();
      for (Entry entry : entries) {
        if (!producers.contains(entry.body())) {
          continue;
        }
        Entered entered = enter(entry.body(), state, held, call.at(), reclaims && entry.body().context().reclaim());
        Entered root = roots.computeIfAbsent(entry.body().id(), id -> root(entry.body()));
        if (entry.frame().locals().isEmpty()
            && entered.state().equals(root.state())
            && sameLocks(entered.held(), root.held())) {
          // Nothing the callee's root context does not already give.
          continue;
        }
        if (entered.held().size() > MAX_HELD) {
          continue;
        }
        Set<String> suppressed = new TreeSet<>();
        suppressed.addAll(context.suppressed());
        suppressed.addAll(entry.body().suppressed());
        String unit = context.unit();
        if (anchor == null && currentUnits.containsKey(entry.body())) {
          unit = currentUnits.get(entry.body());
        }
        if (chain == null) {
          chain = new ArrayList<>(context.chain());
          chain.add(call.at().toString());
        }
        List<String> bodies = new ArrayList<>(context.bodies());
        bodies.add(entry.body().id());
        into.add(
            new Context(
                entry.body(), unit, entered.held(), entry.frame(), chain, bodies, suppressed, anchor, entered.state()));
      }
    }
  }

  /**
   * The calls of {@code body} that {@link #entries} may follow to a producer: to an analysed body
   * or its overrides, running its arguments' callbacks, or on a local that a frame may bind to a
   * callback.
   */
  private List<MethodSummary.CallSite> liveCalls(MethodSummary body) {
    List<MethodSummary.CallSite> live = new ArrayList<>();
    for (MethodSummary.CallSite call : body.calls()) {
      if (callsCallbacks(call) || hierarchy.targets(call.callee(), call.virtual()).stream().anyMatch(producers::contains)) {
        live.add(call);
      }
    }
    return live;
  }

  /** A body a call may run, with its frame. */
  private record Entry(MethodSummary body, Frame frame) {}

  /**
   * Every body {@code call} may run in {@code context}, in a deterministic order. An override
   * already on the call chain is not entered again: that is a decorator calling the method it
   * implements on its delegate, which is another object of another class in any program that
   * does not wrap a decorator in itself.
   */
  private List<Entry> entries(MethodSummary.CallSite call, Context context) {
    Frame frame = context.frame();
    List<Entry> entries = new ArrayList<>();
    Binding receiver = call.receiver() == null ? null : frame.locals().get(call.receiver());
    if (receiver != null && !receiver.callbacks().isEmpty()) {
      // An analysed callee invoking the callback its caller passed: it runs that callback only.
      String name = name(call.callee());
      for (Bound bound : receiver.callbacks()) {
        if (bound.callback().functional() || name(bound.callback().target()).equals(name)) {
          callbackEntries(bound, entries);
        }
      }
      return entries;
    }
    for (MethodSummary target : hierarchy.targets(call.callee(), call.virtual())) {
      if (!target.id().equals(call.callee()) && context.bodies().contains(target.id())) {
        continue;
      }
      entries.add(
          new Entry(target, new Frame(target.id(), false, frame.mapInstance(call.receiver()), bindings(target, call, frame))));
    }
    if (call.runsCallbacks()) {
      for (MethodSummary.Argument argument : call.arguments()) {
        for (Bound bound : callbacks(argument, frame)) {
          callbackEntries(bound, entries);
        }
      }
    }
    return entries;
  }

  private void callbackEntries(Bound bound, List<Entry> into) {
    MethodSummary.Callback callback = bound.callback();
    if (callback.target().startsWith("lambda@")) {
      MethodSummary lambda = hierarchy.body(callback.target());
      if (lambda != null) {
        // A lambda's `this` and captured locals are its creator's.
        into.add(new Entry(lambda, bound.frame()));
      }
      return;
    }
    String receiver = bound.frame().mapInstance(callback.receiver());
    for (MethodSummary target : hierarchy.targets(callback.target(), callback.functional())) {
      into.add(new Entry(target, new Frame(target.id(), false, receiver, Map.of())));
    }
  }

  /** What the callee's parameters stand for, for those of them it uses as locks or callbacks. */
  private Map<String, Binding> bindings(MethodSummary callee, MethodSummary.CallSite call, Frame frame) {
    Set<String> used = usedParameters.computeIfAbsent(callee.id(), id -> usedParameters(callee));
    if (used.isEmpty()) {
      return Map.of();
    }
    Map<String, Binding> bindings = new TreeMap<>();
    int n = Math.min(callee.parameters().size(), call.arguments().size());
    for (int i = 0; i < n; i++) {
      String parameter = callee.parameters().get(i);
      if (!used.contains(parameter)) {
        continue;
      }
      MethodSummary.Argument argument = call.arguments().get(i);
      List<Bound> callbacks = callbacks(argument, frame);
      LockClass lockClass = argument.lockClass();
      Binding passed = argument.instance() == null ? null : frame.locals().get(argument.instance());
      if (passed != null && passed.lockClass() != null) {
        lockClass = passed.lockClass();
      }
      if (lockClass != null || !callbacks.isEmpty()) {
        bindings.put(parameter, new Binding(lockClass, frame.mapInstance(argument.instance()), callbacks));
      }
    }
    return bindings;
  }

  /** The callbacks an argument carries: its own, or those of the parameter it passes on. */
  private static List<Bound> callbacks(MethodSummary.Argument argument, Frame frame) {
    List<Bound> bound = new ArrayList<>();
    for (MethodSummary.Callback callback : argument.callbacks()) {
      bound.add(new Bound(callback, frame));
    }
    Binding passed = argument.instance() == null ? null : frame.locals().get(argument.instance());
    if (passed != null) {
      bound.addAll(passed.callbacks());
    }
    return bound;
  }

  /** The parameters a body acquires, holds, calls or passes on. */
  private static Set<String> usedParameters(MethodSummary body) {
    Set<String> parameters = new HashSet<>(body.parameters());
    parameters.remove("");
    Set<String> used = new HashSet<>();
    for (MethodSummary.Acquisition acquisition : body.acquisitions()) {
      use(acquisition.next().instance(), parameters, used);
      for (HeldLock lock : acquisition.held()) {
        use(lock.instance(), parameters, used);
      }
    }
    for (MethodSummary.CallSite call : body.calls()) {
      use(call.receiver(), parameters, used);
      for (MethodSummary.Argument argument : call.arguments()) {
        use(argument.instance(), parameters, used);
      }
    }
    return used;
  }

  private static void use(String instance, Set<String> parameters, Set<String> used) {
    if (instance != null && parameters.contains(instance)) {
      used.add(instance);
    }
  }

  private static String name(String id) {
    int hash = id.indexOf('#');
    int paren = id.indexOf('(', hash + 1);
    return hash < 0 || paren < 0 ? id : id.substring(hash + 1, paren);
  }

  /**
   * A body entered from {@code unit}'s body at the end of {@code chain}.
   *
   * @param held the locks held on entry, in the outermost caller's terms
   * @param chain the calls from the outermost caller, outermost first
   * @param bodies the ids of the bodies on the chain, the outermost caller's first, this one's last
   * @param anchor the outermost call made by a body of the current compilation, or null
   * @param state the irq state, allocation scope, reclaim and fence state the body runs in
   */
  private record Context(
      MethodSummary method,
      String unit,
      List<HeldLock> held,
      Frame frame,
      List<String> chain,
      List<String> bodies,
      Set<String> suppressed,
      Provenance anchor,
      State state) {
    /** What the body's facts depend on: it, its unit, state, held stack and frame. */
    String key() {
      StringBuilder key = new StringBuilder(method.id()).append('\n').append(unit).append('\n').append(state.key()).append('\n');
      for (HeldLock lock : held) {
        key.append(lock.lockClass().key()).append('/').append(lock.lockClass().subclass()).append(':')
            .append(lock.read()).append(lock.trylock() ? "t" : "").append('@').append(lock.instance()).append(';');
      }
      return key.append('\n').append(frame.key()).toString();
    }
  }

  /** A context with its sort keys, computed once per level. */
  private record Candidate(Context context, String key, String chain) {
    /** Contexts reached from the current compilation first: the caps never starve them. */
    static final Comparator<Candidate> ORDER =
        Comparator.comparing((Candidate c) -> c.context().anchor() == null)
            .thenComparing(Candidate::key)
            .thenComparing(Candidate::chain);
  }

  /**
   * The state a body runs in.
   *
   * @param irq the irq state, or null when only the callers know it
   * @param gfp the allocation scope
   * @param memalloc inside memory reclaim: reclaiming calls do not take {@code fs_reclaim} again
   * @param signalling in a fence-signalling section: the {@code dma_fence_map} reader is held
   */
  private record State(IrqState irq, Gfp gfp, boolean memalloc, boolean signalling) {
    IrqState irqOrOrderOnly() {
      return irq == null ? ORDER_ONLY : irq;
    }

    /** Sleeping is not allowed: in an interrupt, or with irqs disabled. */
    boolean atomic() {
      return irq != null && (irq.context() != IrqState.Context.TASK || !irq.hardirqsEnabled());
    }

    String key() {
      String irqKey =
          irq == null ? "-" : irq.context() + (irq.hardirqsEnabled() ? "+h" : "-h") + (irq.softirqsEnabled() ? "+s" : "-s");
      return irqKey + '|' + gfp + '|' + memalloc + '|' + signalling;
    }
  }

  /** A callback with the frame it was created in. */
  private record Bound(MethodSummary.Callback callback, Frame frame) {}

  /**
   * What a parameter stands for.
   *
   * @param lockClass the class of the argument, or null
   * @param instance the argument's instance name in the outermost caller's terms, or null
   * @param callbacks the callbacks it carries
   */
  private record Binding(LockClass lockClass, String instance, List<Bound> callbacks) {}

  /**
   * How a body's instance names read in the outermost caller's terms.
   *
   * @param owner the body whose locals are named
   * @param identity the outermost body itself: names stay as they are
   * @param receiver what {@code this} is, or null when unknown
   * @param locals the parameters bound by the call, sorted
   */
  private record Frame(String owner, boolean identity, String receiver, Map<String, Binding> locals) {
    static Frame root(String owner) {
      return new Frame(owner, true, "this", Map.of());
    }

    /** {@code lock} as seen from the outermost caller, its class substituted for a bound parameter. */
    HeldLock map(HeldLock lock, Provenance at) {
      if (identity) {
        return at == lock.acquiredAt() ? lock : new HeldLock(lock.lockClass(), lock.read(), lock.trylock(), lock.instance(), at);
      }
      LockClass lockClass = lock.lockClass();
      Binding binding = lock.instance() == null ? null : locals.get(lock.instance());
      if (binding != null && binding.lockClass() != null) {
        // A parameter's own class is its static type: the argument's class says which lock it is.
        int subclass = lockClass.subclass() != 0 ? lockClass.subclass() : binding.lockClass().subclass();
        lockClass = binding.lockClass().withSubclass(subclass);
      }
      return new HeldLock(lockClass, lock.read(), lock.trylock(), mapInstance(lock.instance()), at);
    }

    /**
     * An instance name in the outermost caller's terms; null when it has none there. The body's
     * own locals, and a receiver or parameter whose object the caller cannot name, get names of
     * the body's own: distinct from every name of the caller, equal to each other within the body,
     * so the body's own re-entries stay re-entries.
     */
    String mapInstance(String instance) {
      if (identity || instance == null) {
        return instance;
      }
      if (instance.equals("this") || instance.startsWith("this.")) {
        return receiver == null ? owner + "|" + instance : receiver + instance.substring("this".length());
      }
      if (instance.startsWith("local:")) {
        int dot = instance.indexOf('.');
        String root = dot < 0 ? instance : instance.substring(0, dot);
        Binding binding = locals.get(root);
        if (binding == null || binding.instance() == null) {
          return owner + "|" + instance;
        }
        return binding.instance() + instance.substring(root.length());
      }
      // Outer.this.x is not tracked across calls; static fields and class objects are global.
      return instance.contains(".this") ? null : instance;
    }

    String key() {
      StringBuilder key = new StringBuilder(owner).append('|').append(identity).append('|').append(receiver);
      locals.forEach(
          (name, binding) -> {
            key.append('|').append(name).append('=');
            if (binding.lockClass() != null) {
              key.append(binding.lockClass().key()).append('/').append(binding.lockClass().subclass());
            }
            key.append('@').append(binding.instance());
            for (Bound bound : binding.callbacks()) {
              key.append('[').append(bound.callback().target()).append(',').append(bound.callback().receiver())
                  .append(',').append(bound.frame().key()).append(']');
            }
          });
      return key.toString();
    }
  }
}
