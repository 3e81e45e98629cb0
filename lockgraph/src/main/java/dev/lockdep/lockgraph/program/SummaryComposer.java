package dev.lockdep.lockgraph.program;

import dev.lockdep.lockgraph.HeldLock;
import dev.lockdep.lockgraph.IrqKind;
import dev.lockdep.lockgraph.IrqState;
import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.Provenance;
import dev.lockdep.lockgraph.ReadMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
  /** Every body of the program with what the walk keeps for it, by summary. */
  private final Map<MethodSummary, Body> bodies;
  /** The parts of the key being built; one list for every key, copied out. */
  private final List<String> keyParts = new ArrayList<>();
  /** The {@link #entries} of the call being followed; one list for every call. */
  private final List<Entry> entriesOfCall = new ArrayList<>();
  /**
   * Every key a level has met: entered, or dropped for a body whose cap is full, which no later
   * level enters.
   */
  private final Map<Key, Candidate> met = new HashMap<>();

  private SummaryComposer(List<MethodSummary> all) {
    this.hierarchy = new ClassHierarchy(all);
    this.bodies = new IdentityHashMap<>(all.size());
    Map<String, BodyId> ids = new HashMap<>(2 * all.size());
    for (MethodSummary method : all) {
      bodies.computeIfAbsent(method, m -> new Body(m, ids.computeIfAbsent(m.id(), BodyId::new)));
    }
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
    SummaryComposer composer = new SummaryComposer(all);
    composer.findProducers(all);
    for (ProgramUnit unit : sorted) {
      if (currentFiles.contains(unit.file())) {
        unit.methods().forEach(m -> composer.bodies.get(m).currentUnit = unit.file());
      }
    }
    Map<String, List<ComposedAcquisition>> out = new TreeMap<>();
    List<Context> roots = new ArrayList<>();
    for (ProgramUnit unit : sorted) {
      for (MethodSummary method : unit.methods()) {
        // Every unit with a body has its list, though only producers' roots are walked: another
        // body's root emits nothing and makes no call that runs anything.
        out.computeIfAbsent(unit.file(), u -> new ArrayList<>());
        Body body = composer.bodies.get(method);
        if (!body.producer) {
          continue;
        }
        Entered root = root(method);
        roots.add(
            new Context(
                body,
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
    return composer.run(roots, out);
  }

  /**
   * Marks the producers among {@code all} ({@link Body#producer}): the bodies that acquire,
   * reclaim or wait themselves, or run callbacks they are given (which may do anything), then
   * every body that may call one of those, backwards along the calls.
   */
  private void findProducers(List<MethodSummary> all) {
    Map<Body, List<Body>> callers = new IdentityHashMap<>(all.size());
    ArrayDeque<Body> work = new ArrayDeque<>();
    for (MethodSummary summary : all) {
      Body body = bodies.get(summary);
      if (body.targets != null) {
        // The same summary in two units.
        continue;
      }
      body.targets = new ArrayList<>(summary.calls().size());
      boolean produces = !summary.acquisitions().isEmpty();
      for (MethodSummary.CallSite call : summary.calls()) {
        produces = produces || call.reclaim() || call.fenceWait() || callsCallbacks(call);
        List<Body> targets = targets(call.callee(), call.virtual());
        body.targets.add(targets);
        for (Body target : targets) {
          callers.computeIfAbsent(target, t -> new ArrayList<>()).add(body);
        }
      }
      if (produces) {
        body.producer = true;
        work.add(body);
      }
    }
    while (!work.isEmpty()) {
      for (Body caller : callers.getOrDefault(work.poll(), List.of())) {
        if (!caller.producer) {
          caller.producer = true;
          work.add(caller);
        }
      }
    }
  }

  /** Whether {@code call} may run a callback: its arguments', or one a frame binds to its receiver. */
  private static boolean callsCallbacks(MethodSummary.CallSite call) {
    return call.runsCallbacks() || (call.receiver() != null && call.receiver().startsWith("local:"));
  }

  private Composition run(List<Context> roots, Map<String, List<ComposedAcquisition>> out) {
    Map<String, List<AtomicSleep>> sleeps = new TreeMap<>();
    List<Context> level = roots;
    for (int depth = 0; !level.isEmpty(); depth++) {
      List<Candidate> candidates = new ArrayList<>();
      for (Context context : level) {
        emit(context, out);
        effects(context, out, sleeps);
        if (depth < MAX_CALL_DEPTH) {
          successors(context, depth + 1, candidates);
        }
      }
      candidates.sort(Candidate.ORDER);
      level = new ArrayList<>();
      for (Candidate candidate : candidates) {
        BodyId id = candidate.id;
        if (id.contexts < MAX_CONTEXTS_PER_BODY) {
          id.contexts++;
          level.add(candidate.context);
        }
      }
    }
    return new Composition(out, sleeps);
  }

  private static void emit(Context context, Map<String, List<ComposedAcquisition>> out) {
    List<MethodSummary.Acquisition> acquisitions = context.body().summary.acquisitions();
    if (acquisitions.isEmpty()) {
      return;
    }
    List<ComposedAcquisition> unit = out.computeIfAbsent(context.unit(), u -> new ArrayList<>());
    for (MethodSummary.Acquisition acquisition : acquisitions) {
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
    Body body = context.body();
    if (body.effectCalls == null) {
      body.effectCalls = new ArrayList<>();
      for (MethodSummary.CallSite call : body.summary.calls()) {
        if (call.reclaim() || call.fenceWait()) {
          body.effectCalls.add(call);
        }
      }
    }
    for (MethodSummary.CallSite call : body.effectCalls) {
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
  private static Entered root(MethodSummary body) {
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
    // The caller's stack itself unless the entry takes a pseudo-lock: no stack changes once built.
    List<HeldLock> entered = held;
    boolean memalloc = state.memalloc();
    if (reclaims && !heldClass(held, LockClass.FS_RECLAIM)) {
      entered = new ArrayList<>(held);
      entered.add(new HeldLock(LockClass.FS_RECLAIM, ReadMode.EXCLUSIVE, false, null, at));
    }
    memalloc |= own.reclaim() || own.shrinker();
    boolean signalling = state.signalling();
    if (own.fenceSignalling() && !signalling) {
      if (entered == held) {
        entered = new ArrayList<>(held);
      }
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

  /**
   * Adds to {@code candidates} the contexts {@code context}'s calls enter at {@code depth}. Of the
   * contexts with one key, only the first in the order the level's contexts are walked can be
   * entered: the others find it entered, or the body's cap as full as it found it. So each key
   * keeps its first, found as soon as a successor's key is, before the rest of it is built, and
   * the level sorts one candidate per key in the order of (anchored first, key, chain). A key an
   * earlier level met is dropped wherever it sorts: not sorted at all.
   */
  private void successors(Context context, int depth, List<Candidate> candidates) {
    Frame frame = context.frame();
    Body caller = context.body();
    if (caller.liveCalls == null) {
      caller.liveCalls = liveCalls(caller);
    }
    for (LiveCall live : caller.liveCalls) {
      MethodSummary.CallSite call = live.call;
      if (context.held().size() + call.held().size() > MAX_HELD) {
        continue;
      }
      // Many calls enter nothing: find that out before building the callee's stack and chain.
      List<Entry> entries = entries(live, context);
      if (entries.isEmpty()) {
        continue;
      }
      List<HeldLock> held = new ArrayList<>(context.held());
      for (HeldLock lock : call.held()) {
        held.add(frame.map(lock, lock.acquiredAt()));
      }
      List<String> chain = null;
      Provenance anchor = context.anchor() == null && caller.currentUnit != null ? call.at() : context.anchor();
      State state = context.state();
      boolean reclaims = call.reclaim() && state.gfp().within(call.gfp()).allowsFsReclaim() && !state.memalloc();
      for (Entry entry : entries) {
        Body callee = entry.body();
        Entered entered = enter(callee.summary, state, held, call.at(), reclaims && callee.summary.context().reclaim());
        if (callee.id.root == null) {
          callee.id.root = root(callee.summary);
        }
        Entered root = callee.id.root;
        if (entry.frame().locals().isEmpty()
            && entered.state().equals(root.state())
            && sameLocks(entered.held(), root.held())) {
          // Nothing the callee's root context does not already give.
          continue;
        }
        if (entered.held().size() > MAX_HELD) {
          continue;
        }
        String unit = context.unit();
        if (anchor == null && callee.currentUnit != null) {
          unit = callee.currentUnit;
        }
        if (chain == null) {
          chain = new ArrayList<>(context.chain());
          chain.add(live.link());
        }
        Key key = key(callee, unit, entered.state(), entered.held(), entry.frame());
        Candidate first = met.get(key);
        if (first != null && (first.depth != depth || !first.after(anchor != null, chain))) {
          continue;
        }
        Set<String> suppressed = new TreeSet<>();
        suppressed.addAll(context.suppressed());
        suppressed.addAll(callee.summary.suppressed());
        List<String> onChain = new ArrayList<>(context.bodies());
        onChain.add(callee.summary.id());
        Context successor =
            new Context(callee, unit, entered.held(), entry.frame(), chain, onChain, suppressed, anchor, entered.state());
        if (first == null) {
          Candidate candidate = new Candidate(key, successor, depth);
          met.put(key, candidate);
          candidates.add(candidate);
        } else {
          first.replace(successor);
        }
      }
    }
  }

  /**
   * The calls of {@code body} that {@link #entries} may follow to a producer: to an analysed body
   * or its overrides, running its arguments' callbacks, or on a local that a frame may bind to a
   * callback.
   */
  private static List<LiveCall> liveCalls(Body body) {
    List<LiveCall> live = new ArrayList<>();
    List<MethodSummary.CallSite> calls = body.summary.calls();
    for (int i = 0; i < calls.size(); i++) {
      MethodSummary.CallSite call = calls.get(i);
      List<Body> targets = body.targets.get(i);
      boolean runsProducer = callsCallbacks(call);
      for (Body target : targets) {
        runsProducer |= target.producer;
      }
      if (runsProducer) {
        live.add(new LiveCall(call, targets));
      }
    }
    return live;
  }

  /** {@link ClassHierarchy#targets}, as bodies. */
  private List<Body> targets(String callee, boolean virtual) {
    List<MethodSummary> summaries = hierarchy.targets(callee, virtual);
    if (summaries.isEmpty()) {
      return List.of();
    }
    List<Body> targets = new ArrayList<>(summaries.size());
    for (MethodSummary summary : summaries) {
      targets.add(bodies.get(summary));
    }
    return targets;
  }

  /** A call that may run a producer, with the bodies it dispatches to ({@link ClassHierarchy#targets}). */
  private static final class LiveCall {
    final MethodSummary.CallSite call;
    final List<Body> targets;
    private String link;

    LiveCall(MethodSummary.CallSite call, List<Body> targets) {
      this.call = call;
      this.targets = targets;
    }

    /** The call as a call chain names it; computed on first use. */
    String link() {
      if (link == null) {
        link = call.at().toString();
      }
      return link;
    }
  }

  /** A body a call may run, with its frame. */
  private record Entry(Body body, Frame frame) {}

  /**
   * Every body {@code call} may run in {@code context} that may add something, in a deterministic
   * order. An override already on the call chain is not entered again: that is a decorator calling
   * the method it implements on its delegate, which is another object of another class in any
   * program that does not wrap a decorator in itself.
   */
  private List<Entry> entries(LiveCall live, Context context) {
    MethodSummary.CallSite call = live.call;
    Frame frame = context.frame();
    List<Entry> entries = entriesOfCall;
    entries.clear();
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
    String mappedReceiver = live.targets.isEmpty() ? null : frame.mapInstance(call.receiver());
    for (Body target : live.targets) {
      String id = target.summary.id();
      if (!target.enterable() || (!id.equals(call.callee()) && context.bodies().contains(id))) {
        continue;
      }
      entries.add(new Entry(target, new Frame(id, false, mappedReceiver, bindings(target, call, frame))));
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
      Body lambda = bodies.get(hierarchy.body(callback.target()));
      if (lambda != null && lambda.enterable()) {
        // A lambda's `this` and captured locals are its creator's.
        into.add(new Entry(lambda, bound.frame()));
      }
      return;
    }
    String receiver = bound.frame().mapInstance(callback.receiver());
    for (Body target : targets(callback.target(), callback.functional())) {
      if (target.enterable()) {
        into.add(new Entry(target, new Frame(target.summary.id(), false, receiver, Map.of())));
      }
    }
  }

  /** What the callee's parameters stand for, for those of them it uses as locks or callbacks. */
  private static Map<String, Binding> bindings(Body target, MethodSummary.CallSite call, Frame frame) {
    Map<String, Binding> bindings = Map.of();
    for (int i : target.usedPositions()) {
      if (i >= call.arguments().size()) {
        break;
      }
      String parameter = target.summary.parameters().get(i);
      MethodSummary.Argument argument = call.arguments().get(i);
      List<Bound> callbacks = callbacks(argument, frame);
      LockClass lockClass = argument.lockClass();
      Binding passed = argument.instance() == null ? null : frame.locals().get(argument.instance());
      if (passed != null && passed.lockClass() != null) {
        lockClass = passed.lockClass();
      }
      if (lockClass != null || !callbacks.isEmpty()) {
        if (bindings.isEmpty()) {
          bindings = new TreeMap<>();
        }
        bindings.put(parameter, new Binding(lockClass, frame.mapInstance(argument.instance()), callbacks));
      }
    }
    return bindings;
  }

  /** The callbacks an argument carries: its own, or those of the parameter it passes on. */
  private static List<Bound> callbacks(MethodSummary.Argument argument, Frame frame) {
    Binding passed = argument.instance() == null ? null : frame.locals().get(argument.instance());
    if (argument.callbacks().isEmpty() && (passed == null || passed.callbacks().isEmpty())) {
      return List.of();
    }
    List<Bound> bound = new ArrayList<>();
    for (MethodSummary.Callback callback : argument.callbacks()) {
      bound.add(new Bound(callback, frame));
    }
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
      Body body,
      String unit,
      List<HeldLock> held,
      Frame frame,
      List<String> chain,
      List<String> bodies,
      Set<String> suppressed,
      Provenance anchor,
      State state) {}

  /**
   * The key of a context: what the body's facts depend on, it, its unit, state, held stack and
   * frame.
   */
  private Key key(Body body, String unit, State state, List<HeldLock> held, Frame frame) {
    List<String> parts = keyParts;
    parts.clear();
    parts.add(body.summary.id());
    parts.add("\n");
    parts.add(unit);
    parts.add("\n");
    state.key(parts);
    parts.add("\n");
    for (HeldLock lock : held) {
      parts.add(lock.lockClass().key());
      parts.add(Key.LOCK_MODES[lock.lockClass().subclass()][lock.read().ordinal()][lock.trylock() ? 1 : 0]);
      parts.add(String.valueOf(lock.instance()));
      parts.add(";");
    }
    parts.add("\n");
    frame.key(parts);
    return new Key(parts.toArray(new String[0]));
  }

  /** The context a level enters for a key: of those with the key, the first in level order. */
  private static final class Candidate {
    /** Contexts reached from the current compilation first: the caps never starve them. */
    static final Comparator<Candidate> ORDER =
        (a, b) -> {
          if (a.anchored != b.anchored) {
            return a.anchored ? -1 : 1;
          }
          // A key's text starts with its body's id: two ids that differ at a character of both
          // decide, and spare comparing the rest of the keys.
          int c = a.id.text.compareTo(b.id.text);
          return Key.decides(a.id.text, b.id.text, c) ? c : a.key.compareTo(b.key);
        };

    final Key key;
    final int depth;
    /** The body's id, the same for every context with the key. */
    final BodyId id;
    Context context;
    boolean anchored;

    Candidate(Key key, Context context, int depth) {
      this.key = key;
      this.depth = depth;
      this.id = context.body().id;
      this.context = context;
      this.anchored = context.anchor() != null;
    }

    /**
     * Whether a context with this key, anchored or not and reached through {@code chain}, comes
     * before this one: anchored first, then by call chain.
     */
    boolean after(boolean anchored, List<String> chain) {
      if (anchored != this.anchored) {
        return anchored;
      }
      return Key.compareText(chainText(chain), chainText(context.chain())) < 0;
    }

    /** Makes {@code first}, which comes before the context so far, the one entered for the key. */
    void replace(Context first) {
      context = first;
      anchored = first.anchor() != null;
    }

    /** The chain as the text it orders by: its calls joined by newlines. */
    private static String[] chainText(List<String> chain) {
      String[] text = new String[Math.max(0, 2 * chain.size() - 1)];
      for (int i = 0; i < chain.size(); i++) {
        if (i > 0) {
          text[2 * i - 1] = "\n";
        }
        text[2 * i] = chain.get(i);
      }
      return text;
    }
  }

  /** A body of the program with what the walk keeps for it. */
  private static final class Body {
    final MethodSummary summary;
    final BodyId id;
    /**
     * Whether its contexts may add something: an acquisition, a reclaim or a fence wait of its own
     * or of a body it may run. Another body's contexts add nothing whatever their held stack and
     * frame, nor do their successors, and caps count per body, so they are not entered.
     */
    boolean producer;
    /** Per call, in order, the bodies it dispatches to ({@link ClassHierarchy#targets}). */
    List<List<Body>> targets;
    /** Its unit when it is of the current compilation, else null. */
    String currentUnit;
    /**
     * Its calls that may run a producer, in order; computed on first use. Most calls reach only
     * the libraries, and every context of the body would otherwise look them up again.
     */
    List<LiveCall> liveCalls;
    /** Its reclaiming calls and fence waits, in order; computed on first use. */
    List<MethodSummary.CallSite> effectCalls;
    /** The positions of its parameters a caller's binding can matter to, in order; computed on first use. */
    private int[] usedPositions;

    Body(MethodSummary summary, BodyId id) {
      this.summary = summary;
      this.id = id;
    }

    /**
     * Whether a context of the body may be entered at this level: one that is no producer adds
     * nothing, and one whose cap is full drops every context of the level whatever it is.
     */
    boolean enterable() {
      return producer && id.contexts < MAX_CONTEXTS_PER_BODY;
    }

    int[] usedPositions() {
      if (usedPositions == null) {
        if (id.usedParameters == null) {
          id.usedParameters = usedParameters(summary);
        }
        List<String> parameters = summary.parameters();
        int[] positions = new int[parameters.size()];
        int used = 0;
        for (int i = 0; i < parameters.size(); i++) {
          if (id.usedParameters.contains(parameters.get(i))) {
            positions[used++] = i;
          }
        }
        usedPositions = Arrays.copyOf(positions, used);
      }
      return usedPositions;
    }
  }

  /**
   * What the walk keeps per body id, which bodies of one id (of two units, say) share: the cap,
   * the root context and the parameters a caller's binding can matter to, each computed on first
   * use from the body that asks.
   */
  private static final class BodyId {
    final String text;
    /** Contexts entered beyond the root, up to {@link #MAX_CONTEXTS_PER_BODY}. */
    int contexts;
    Entered root;
    Set<String> usedParameters;

    BodyId(String text) {
      this.text = text;
    }
  }

  /**
   * The text that identifies a context and orders contexts of a level, held as the parts it
   * joins: most are strings the summaries and frames hold already, and joining them for every
   * context a call reaches was most of the walk's work. Equality, hash and order are those of the
   * joined text, wherever the parts begin and end.
   */
  private static final class Key implements Comparable<Key> {
    /** Per subclass, read mode and trylock, what a held lock's key has between class and instance. */
    static final String[][][] LOCK_MODES = new String[LockClass.MAX_SUBCLASSES][ReadMode.values().length][2];
    /** Per subclass, what a bound lock class's key has after the class key. */
    static final String[] SUBCLASSES = new String[LockClass.MAX_SUBCLASSES];
    /** 31 to the power of each length below its size, for the hash of joined parts. */
    private static final int[] POWERS_OF_31 = new int[256];

    static {
      POWERS_OF_31[0] = 1;
      for (int i = 1; i < POWERS_OF_31.length; i++) {
        POWERS_OF_31[i] = 31 * POWERS_OF_31[i - 1];
      }
      for (int subclass = 0; subclass < LockClass.MAX_SUBCLASSES; subclass++) {
        SUBCLASSES[subclass] = "/" + subclass;
        for (ReadMode read : ReadMode.values()) {
          LOCK_MODES[subclass][read.ordinal()][0] = "/" + subclass + ":" + read + "@";
          LOCK_MODES[subclass][read.ordinal()][1] = "/" + subclass + ":" + read + "t@";
        }
      }
    }

    private final String[] parts;
    /** {@link String#hashCode} of the joined text. */
    private final int hash;

    Key(String[] parts) {
      this.parts = parts;
      int h = 0;
      for (String part : parts) {
        h = h * powerOf31(part.length()) + part.hashCode();
      }
      this.hash = h;
    }

    private static int powerOf31(int exponent) {
      if (exponent < POWERS_OF_31.length) {
        return POWERS_OF_31[exponent];
      }
      int power = 1;
      for (int base = 31, e = exponent; e != 0; e >>= 1, base *= base) {
        if ((e & 1) != 0) {
          power *= base;
        }
      }
      return power;
    }

    @Override
    public int compareTo(Key other) {
      return compareText(parts, other.parts);
    }

    /** Compares the texts {@code a} and {@code b} join to as {@link String#compareTo} would. */
    static int compareText(String[] a, String[] b) {
      int i = 0;
      int j = 0;
      int p = 0;
      int q = 0;
      while (true) {
        if (i < a.length && p == a[i].length()) {
          i++;
          p = 0;
        } else if (j < b.length && q == b[j].length()) {
          j++;
          q = 0;
        } else if (i == a.length || j == b.length) {
          return Boolean.compare(i < a.length, j < b.length);
        } else {
          String x = a[i];
          String y = b[j];
          if (p == 0 && q == 0) {
            if (x == y) {
              i++;
              j++;
              continue;
            }
            int c = x.compareTo(y);
            if (decides(x, y, c)) {
              return c;
            }
            p = Math.min(x.length(), y.length());
            q = p;
            continue;
          }
          int n = Math.min(x.length() - p, y.length() - q);
          for (int k = 0; k < n; k++) {
            char c = x.charAt(p + k);
            char d = y.charAt(q + k);
            if (c != d) {
              return c - d;
            }
          }
          p += n;
          q += n;
        }
      }
    }

    /**
     * Whether {@code c}, {@code x.compareTo(y)}, orders every pair of texts that begin with
     * {@code x} and {@code y}: it does unless one of them is a prefix of the other.
     */
    static boolean decides(String x, String y, int c) {
      return c != x.length() - y.length() || (c != 0 && !x.regionMatches(0, y, 0, Math.min(x.length(), y.length())));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key other && hash == other.hash && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
      return hash;
    }
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

    /** Adds the parts of this state's key text to {@code parts}. */
    void key(List<String> parts) {
      if (irq == null) {
        parts.add("-");
      } else {
        parts.add(irq.context().name());
        parts.add(irq.hardirqsEnabled() ? "+h" : "-h");
        parts.add(irq.softirqsEnabled() ? "+s" : "-s");
      }
      parts.add("|");
      parts.add(gfp.name());
      parts.add(memalloc ? "|true|" : "|false|");
      parts.add(String.valueOf(signalling));
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

    /** Adds the parts of this frame's key text to {@code parts}. */
    void key(List<String> parts) {
      parts.add(owner);
      parts.add(identity ? "|true|" : "|false|");
      parts.add(String.valueOf(receiver));
      locals.forEach(
          (name, binding) -> {
            parts.add("|");
            parts.add(name);
            parts.add("=");
            if (binding.lockClass() != null) {
              parts.add(binding.lockClass().key());
              parts.add(Key.SUBCLASSES[binding.lockClass().subclass()]);
            }
            parts.add("@");
            parts.add(String.valueOf(binding.instance()));
            for (Bound bound : binding.callbacks()) {
              parts.add("[");
              parts.add(bound.callback().target());
              parts.add(",");
              parts.add(String.valueOf(bound.callback().receiver()));
              parts.add(",");
              bound.frame().key(parts);
              parts.add("]");
            }
          });
    }
  }
}
