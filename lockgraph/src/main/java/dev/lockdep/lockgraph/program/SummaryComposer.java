package dev.lockdep.lockgraph.program;

import static dev.lockdep.lockgraph.program.KeyText.LOCK_MODES;
import static dev.lockdep.lockgraph.program.KeyText.compare;
import static dev.lockdep.lockgraph.program.KeyText.decides;

import dev.lockdep.lockgraph.HeldLock;
import dev.lockdep.lockgraph.IrqKind;
import dev.lockdep.lockgraph.IrqState;
import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.Provenance;
import dev.lockdep.lockgraph.ReadMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
 *
 * <p>How the walk is kept cheap, each step giving the result the plain walk gives: what depends
 * only on a body is computed once per body (the bodies each call dispatches to, the calls that may
 * run a producer, the root context); what depends only on a body and its frame once per pair (per
 * call, the callees with their frames and the caller's locks held across it, {@link CallMemo}).
 * Frames are one object per distinct frame, and states, held stacks, units and ids one object per
 * key text, so that a context's key is a handful of references with a precomputed hash, and the
 * order of a level is mostly one of numbers: ids and units are ranked once. The hot path builds
 * no lambdas, streams or concatenated strings beyond the names it must produce.
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

  static final Body[] NO_BODIES = {};
  static final String[] NO_NAMES = {};
  static final Binding[] NO_BINDINGS = {};
  private static final Bound[] NO_BOUNDS = {};
  /** What a call that runs nothing runs. */
  private static final CallMemo NO_ENTRIES = new CallMemo();
  /** The positions a packed key of {@link #sort} holds. */
  private static final int INDEX_MASK = (1 << 21) - 1;

  /** The key text of a held {@code fs_reclaim}, as {@link #lockText} gives it. */
  private static final String FS_RECLAIM_TEXT =
      lockText(new HeldLock(LockClass.FS_RECLAIM, ReadMode.EXCLUSIVE, false, null, Provenance.of("-", 0, "")));

  /** The key text of the held {@code dma_fence_map} reader, as {@link #lockText} gives it. */
  private static final String FENCE_READER_TEXT =
      lockText(new HeldLock(LockClass.DMA_FENCE_MAP, ReadMode.SHARED, false, null, Provenance.of("-", 0, "")));

  /** Every id the program's bodies have or declare they override. */
  private final Map<String, BodyId> ids;
  /** Every body of the program, one per summary, in unit order. */
  private final List<Body> bodies;
  /** The states met, by {@link #state} code. */
  private final State[] states = new State[State.CODES];
  /** The held stacks met, by key text. */
  private final Map<String, HeldKey> heldKeys = new HashMap<>();
  /** The empty held stack. */
  private final HeldKey noLocks = heldKey("");
  /** Every frame a call or callback built, one object per distinct frame: an open-addressing table. */
  private Frame[] frames = new Frame[1 << 12];
  private int frameCount;
  /**
   * Every key a level has met, entered or dropped for a body whose cap is full (which no later
   * level enters): an open-addressing table of candidates by key.
   */
  private Context[] met = new Context[1 << 12];
  private int metCount;
  /**
   * While producers are found, the calls between bodies, backwards: per body the last call of it
   * (-1: none), per call the calling body and the call of the same body before it.
   */
  private int[] lastCall;
  private int[] callers;
  private int[] callBefore;
  private int callCount;
  /** Whether some body has an id the JDK would declare ({@link ClassHierarchy#ofJdk}). */
  private boolean javaBodies;
  /** Whether every unit has its {@link Unit#rank}. */
  private boolean unitsRanked;
  /** {@link #enter}'s held stack and its key. */
  private List<HeldLock> enteredHeld;
  private HeldKey enteredKey;
  /** Two chains' calls, for {@link #compareChains}. */
  private final String[] linksA = new String[MAX_CALL_DEPTH + 1];
  private final String[] linksB = new String[MAX_CALL_DEPTH + 1];

  private SummaryComposer(int summaries) {
    this.ids = new HashMap<>(2 * summaries);
    this.bodies = new ArrayList<>(summaries);
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
    Set<String> currentFiles = new HashSet<>(2 * current.size());
    for (ProgramUnit unit : current) {
      currentFiles.add(unit.file());
    }
    // The units in name order, those of one name in the order given.
    TreeMap<String, Unit> byFile = new TreeMap<>();
    int summaries = 0;
    for (ProgramUnit unit : current) {
      summaries += byName(byFile, unit);
    }
    for (ProgramUnit unit : classpath) {
      if (!currentFiles.contains(unit.file())) {
        summaries += byName(byFile, unit);
      }
    }
    SummaryComposer composer = new SummaryComposer(summaries);
    Map<String, List<ComposedAcquisition>> out = new TreeMap<>();
    for (Unit unit : byFile.values()) {
      if (composer.index(unit)) {
        // Every unit with a body has its list, though only producers' roots are walked: another
        // body's root emits nothing and makes no call that runs anything.
        out.put(unit.file, unit.acquisitions);
      }
    }
    composer.findProducers();
    for (Unit unit : byFile.values()) {
      if (currentFiles.contains(unit.file)) {
        current(unit);
      }
    }
    List<Context> roots = new ArrayList<>();
    for (Unit unit : byFile.values()) {
      composer.roots(unit, roots);
    }
    composer.rankUnits(byFile.values());
    return composer.run(roots, out);
  }

  /** Files {@code program} under its unit's name; returns its summaries. */
  private static int byName(TreeMap<String, Unit> byFile, ProgramUnit program) {
    Unit unit = byFile.get(program.file());
    if (unit == null) {
      unit = new Unit(program.file());
      byFile.put(program.file(), unit);
    }
    unit.programs.add(program);
    return program.methods().size();
  }

  /** Indexes the bodies of {@code unit}; returns whether it has any. */
  private boolean index(Unit unit) {
    int n = 0;
    for (ProgramUnit program : unit.programs) {
      n += program.methods().size();
    }
    unit.bodies = new Body[n];
    n = 0;
    for (ProgramUnit program : unit.programs) {
      List<MethodSummary> methods = program.methods();
      for (int i = 0; i < methods.size(); i++) {
        unit.bodies[n++] = body(methods.get(i));
      }
    }
    return n > 0;
  }

  /** Makes {@code unit}, of the current compilation, the current unit of its bodies. */
  private static void current(Unit unit) {
    for (Body body : unit.bodies) {
      body.currentUnit = unit;
    }
  }

  /** Adds to {@code roots} the root context of each producer of {@code unit}. */
  private void roots(Unit unit, List<Context> roots) {
    for (Body body : unit.bodies) {
      if (body.producer) {
        root(body);
        MethodSummary method = body.summary;
        roots.add(
            new Context(
                body, unit, body.rootHeld, body.rootKey, Frame.root(method.id()), null, null, method.suppressed(), null,
                body.rootState, 0));
      }
    }
  }

  /**
   * The body of {@code summary}, new unless the same summary came before (in two units); indexes
   * its id and the ids it overrides ({@link ClassHierarchy}).
   */
  private Body body(MethodSummary summary) {
    String text = summary.id();
    BodyId id = new BodyId(text);
    BodyId known = ids.putIfAbsent(text, id);
    if (known != null) {
      id = known;
      for (Body same = id.first; same != null; same = same.sameId) {
        if (same.summary == summary) {
          return same;
        }
      }
    }
    if (!javaBodies && ClassHierarchy.ofJdk(text)) {
      javaBodies = true;
    }
    Body body = new Body(summary, id, bodies.size());
    bodies.add(body);
    if (id.first == null) {
      id.first = body;
    } else {
      Body last = id.first;
      while (last.sameId != null) {
        last = last.sameId;
      }
      last.sameId = body;
    }
    List<String> overrides = summary.overrides();
    if (!overrides.isEmpty() && !ClassHierarchy.ofLocalClass(text)) {
      for (int i = 0; i < overrides.size(); i++) {
        String overridden = overrides.get(i);
        if (ClassHierarchy.ofJdk(overridden)) {
          // A call of it never fans out.
          continue;
        }
        BodyId of = ids.get(overridden);
        if (of == null) {
          of = new BodyId(overridden);
          ids.put(overridden, of);
        }
        if (of.overriders == null) {
          of.overriders = new ArrayList<>(2);
        }
        of.overriders.add(text);
      }
    }
    return body;
  }

  /**
   * Marks the producers ({@link Body#producer}): the bodies that acquire, reclaim or wait
   * themselves, or run callbacks they are given (which may do anything), then every body that may
   * call one of those, backwards along the calls.
   */
  private void findProducers() {
    int n = bodies.size();
    lastCall = new int[n];
    Arrays.fill(lastCall, -1);
    callers = new int[2 * n + 16];
    callBefore = new int[callers.length];
    Body[] work = new Body[n];
    int tail = 0;
    for (int b = 0; b < n; b++) {
      Body body = bodies.get(b);
      if (dispatch(body)) {
        body.producer = true;
        work[tail++] = body;
      }
    }
    for (int head = 0; head < tail; head++) {
      for (int call = lastCall[work[head].index]; call >= 0; call = callBefore[call]) {
        Body caller = bodies.get(callers[call]);
        if (!caller.producer) {
          caller.producer = true;
          work[tail++] = caller;
        }
      }
    }
    lastCall = null;
    callers = null;
    callBefore = null;
  }

  /**
   * Finds the bodies each call of {@code body} dispatches to ({@link Body#targets}) and records
   * the body as a caller of each; returns whether it acquires, reclaims or waits itself, or runs
   * callbacks it is given.
   */
  private boolean dispatch(Body body) {
    MethodSummary summary = body.summary;
    List<MethodSummary.CallSite> calls = summary.calls();
    Body[][] targets = new Body[calls.size()][];
    boolean produces = !summary.acquisitions().isEmpty();
    for (int i = 0; i < targets.length; i++) {
      MethodSummary.CallSite call = calls.get(i);
      if (call.reclaim() || call.fenceWait()) {
        if (body.effectCalls.isEmpty()) {
          body.effectCalls = new ArrayList<>(1);
        }
        body.effectCalls.add(call);
        produces = true;
      }
      produces = produces || callsCallbacks(call);
      Body[] called = targets(call.callee(), call.virtual());
      targets[i] = called;
      // A body that produces by itself needs no callee to make it one.
      for (int t = produces ? called.length : 0; t < called.length; t++) {
        Body target = called[t];
        if (callCount == callers.length) {
          callers = Arrays.copyOf(callers, 2 * callCount);
          callBefore = Arrays.copyOf(callBefore, callers.length);
        }
        callers[callCount] = body.index;
        callBefore[callCount] = lastCall[target.index];
        lastCall[target.index] = callCount++;
      }
    }
    body.targets = targets;
    return produces;
  }

  /** Whether {@code call} may run a callback: its arguments', or one a frame binds to its receiver. */
  private static boolean callsCallbacks(MethodSummary.CallSite call) {
    return call.runsCallbacks() || (call.receiver() != null && call.receiver().startsWith("local:"));
  }

  /** The bodies a call of {@code callee} may run ({@link ClassHierarchy}). */
  private Body[] targets(String callee, boolean virtual) {
    if (!javaBodies && ClassHierarchy.ofJdk(callee)) {
      // Neither a body of the program nor overridden in it: one the JDK declares.
      return NO_BODIES;
    }
    BodyId id = ids.get(callee);
    if (id == null) {
      return NO_BODIES;
    }
    return id.overriders != null && ClassHierarchy.fansOut(callee, virtual) ? id.virtualTargets(ids) : id.ownTargets();
  }

  private Composition run(List<Context> roots, Map<String, List<ComposedAcquisition>> out) {
    Map<String, List<AtomicSleep>> sleeps = new TreeMap<>();
    rankIds();
    List<Context> level = roots;
    for (int depth = 0; !level.isEmpty(); depth++) {
      List<Context> candidates = new ArrayList<>();
      for (int i = 0, n = level.size(); i < n; i++) {
        Context context = level.get(i);
        emit(context);
        effects(context, sleeps);
        if (depth < MAX_CALL_DEPTH) {
          successors(context, depth + 1, candidates);
        }
      }
      Context[] sorted = sort(candidates);
      level = new ArrayList<>(sorted.length);
      for (Context candidate : sorted) {
        BodyId id = candidate.body.id;
        if (id.contexts < MAX_CONTEXTS_PER_BODY) {
          id.contexts++;
          level.add(candidate);
        }
      }
    }
    return new Composition(out, sleeps);
  }

  /**
   * {@code candidates} in the order of a level: anchored first, then by key. When ids and units
   * are ranked, most of that order is one of numbers: a sort of (anchored, id rank, unit rank,
   * position) packed in a long, then of each run of one anchoredness, id and unit by key.
   */
  private Context[] sort(List<Context> candidates) {
    int n = candidates.size();
    Context[] sorted = candidates.toArray(new Context[n]);
    if (!unitsRanked || n > INDEX_MASK) {
      Arrays.sort(sorted);
      return sorted;
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      Context candidate = sorted[i];
      int rank = candidate.body.id.rank;
      if (rank < 0) {
        Arrays.sort(sorted);
        return sorted;
      }
      keys[i] = (candidate.anchor != null ? 0L : 1L << 62) | (long) rank << 41 | (long) candidate.unit.rank << 21 | i;
    }
    Arrays.sort(keys);
    for (int i = 0; i < n; i++) {
      sorted[i] = candidates.get((int) (keys[i] & INDEX_MASK));
    }
    for (int i = 0, j; i < n; i = j) {
      long run = keys[i] >>> 21;
      for (j = i + 1; j < n && keys[j] >>> 21 == run; j++) {}
      if (j - i > 1) {
        Arrays.sort(sorted, i, j);
      }
    }
    return sorted;
  }

  /**
   * Ranks the units, in name order, as they order keys: {@code file + "\n"} and more. That is their
   * own order unless a name is another with a line break or a lower character after it, or there
   * are more than a packed key of {@link #sort} holds; then they are not ranked.
   */
  private void rankUnits(Collection<Unit> units) {
    if (units.size() > 1 << 20) {
      return;
    }
    int rank = 0;
    String last = null;
    for (Unit unit : units) {
      String file = unit.file;
      if (last != null && file.length() > last.length() && file.charAt(last.length()) <= '\n' && file.startsWith(last)) {
        return;
      }
      unit.rank = rank++;
      last = file;
    }
    unitsRanked = true;
  }

  /**
   * Ranks the ids of the producers, the only bodies contexts are built for, in the order of the
   * keys that start with them, {@code id + "\n"} and more: the order of a level compares two
   * contexts of different bodies by rank alone. That is the ids' own order unless an id is another
   * with a line break or a lower character after it; then nothing is ranked, and the keys decide.
   */
  private void rankIds() {
    String[] producers = new String[bodies.size()];
    int n = 0;
    for (int i = 0; i < producers.length; i++) {
      Body body = bodies.get(i);
      BodyId id = body.id;
      if (body.producer && id.power == 0) {
        id.measure();
        producers[n++] = id.text;
      }
    }
    Arrays.sort(producers, 0, n);
    if (n > 1 << 21) {
      return;
    }
    for (int i = 1; i < n; i++) {
      String a = producers[i - 1];
      String b = producers[i];
      if (b.length() > a.length() && b.charAt(a.length()) <= '\n' && b.startsWith(a)) {
        return;
      }
    }
    for (int i = 0; i < n; i++) {
      ids.get(producers[i]).rank = i;
    }
  }

  private void emit(Context context) {
    List<MethodSummary.Acquisition> acquisitions = context.body.summary.acquisitions();
    if (acquisitions.isEmpty()) {
      return;
    }
    List<ComposedAcquisition> unit = context.unit.acquisitions;
    Frame frame = context.frame;
    List<String> chain = context.chain();
    IrqState irq = context.state.irqOrOrderOnly();
    for (int i = 0, n = acquisitions.size(); i < n; i++) {
      MethodSummary.Acquisition acquisition = acquisitions.get(i);
      List<HeldLock> held = held(context.held, acquisition.held(), frame);
      Provenance at = chain.isEmpty() ? acquisition.at() : acquisition.at().withCallChain(chain);
      unit.add(new ComposedAcquisition(held, frame.map(acquisition.next(), at), irq, context.suppressed, context.anchor));
    }
  }

  /** A new list of {@code held} and then {@code own} as {@code frame} maps them. */
  private static List<HeldLock> held(List<HeldLock> held, List<HeldLock> own, Frame frame) {
    List<HeldLock> all = new ArrayList<>(held.size() + own.size());
    all.addAll(held);
    for (int i = 0, n = own.size(); i < n; i++) {
      HeldLock lock = own.get(i);
      all.add(frame.map(lock, lock.acquiredAt()));
    }
    return all;
  }

  /**
   * What the body's calls do to the pseudo-locks: a reclaiming call outside reclaim takes and
   * releases {@code fs_reclaim} when its allocation scope allows file-system reclaim; a fence wait
   * drops the fence reader, if held, and takes and releases {@code dma_fence_map} exclusively.
   * Either one that may sleep, made in an interrupt or with irqs off, is a sleep in atomic context.
   */
  private static void effects(Context context, Map<String, List<AtomicSleep>> sleeps) {
    Body body = context.body;
    if (body.effectCalls.isEmpty()) {
      return;
    }
    State state = context.state;
    Unit unit = context.unit;
    List<String> chain = context.chain();
    for (MethodSummary.CallSite call : body.effectCalls) {
      List<HeldLock> held = held(context.held, call.held(), context.frame);
      Provenance at = chain.isEmpty() ? call.at() : call.at().withCallChain(chain);
      Gfp gfp = state.gfp.within(call.gfp());
      if (call.reclaim() && gfp.allowsFsReclaim() && !state.memalloc) {
        unit.acquisitions.add(
            new ComposedAcquisition(
                held, new HeldLock(LockClass.FS_RECLAIM, ReadMode.EXCLUSIVE, false, null, at),
                state.irqOrOrderOnly(), context.suppressed, context.anchor));
      }
      if (call.fenceWait()) {
        List<HeldLock> others = new ArrayList<>(held.size());
        for (HeldLock lock : held) {
          if (!lock.lockClass().equals(LockClass.DMA_FENCE_MAP)) {
            others.add(lock);
          }
        }
        unit.acquisitions.add(
            new ComposedAcquisition(
                others, new HeldLock(LockClass.DMA_FENCE_MAP, ReadMode.EXCLUSIVE, false, null, at),
                state.irqOrOrderOnly(), context.suppressed, context.anchor));
      }
      String what =
          call.fenceWait() ? "a fence wait" : call.reclaim() && gfp.maySleep() ? "a reclaiming allocation" : null;
      if (what != null && state.atomic()) {
        if (unit.sleeps == null) {
          unit.sleeps = new ArrayList<>();
          sleeps.put(unit.file, unit.sleeps);
        }
        unit.sleeps.add(new AtomicSleep(at, what, state.irq, held, context.suppressed, context.anchor));
      }
    }
  }

  /** Computes {@code body}'s root context, what its own annotations say, from nothing held. */
  private void root(Body body) {
    if (body.rootState != null) {
      return;
    }
    BodyContext own = body.summary.context();
    if (body.plain) {
      // What enter gives for a body without annotations.
      body.rootState = state(own.entry() ? IrqState.PROCESS : null, Gfp.KERNEL, false, false);
      body.rootHeld = List.of();
      body.rootKey = noLocks;
      return;
    }
    boolean holdsReclaim = own.shrinker() || (own.reclaim() && own.gfp().allowsFsReclaim());
    State state = state(own.entry() ? IrqState.PROCESS : null, Gfp.KERNEL, holdsReclaim, false);
    body.rootState = enter(own, state, List.of(), noLocks, own.declaredAt(), holdsReclaim);
    body.rootHeld = enteredHeld;
    body.rootKey = enteredKey;
  }

  /**
   * {@code own}'s body entered in {@code state} with {@code held} held: its own annotations applied
   * on top. {@code reclaims} says whether the entry itself takes {@code fs_reclaim}: a reclaim
   * root, or a reclaiming call that takes it. Returns the state; {@link #enteredHeld} and {@link
   * #enteredKey} are the held stack entered with.
   */
  private State enter(BodyContext own, State state, List<HeldLock> held, HeldKey key, Provenance at, boolean reclaims) {
    IrqState irq = state.irq;
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
    boolean memalloc = state.memalloc;
    if (reclaims && !heldClass(held, LockClass.FS_RECLAIM)) {
      entered = new ArrayList<>(held);
      entered.add(new HeldLock(LockClass.FS_RECLAIM, ReadMode.EXCLUSIVE, false, null, at));
      key = extend(key, FS_RECLAIM_TEXT);
    }
    memalloc |= own.reclaim() || own.shrinker();
    boolean signalling = state.signalling;
    if (own.fenceSignalling() && !signalling) {
      if (entered == held) {
        entered = new ArrayList<>(held);
      }
      // dma_fence_begin_signalling: a non-recursive reader, taken once for nested sections.
      entered.add(new HeldLock(LockClass.DMA_FENCE_MAP, ReadMode.SHARED, false, null, own.declaredAt()));
      key = extend(key, FENCE_READER_TEXT);
      signalling = true;
    }
    enteredHeld = entered;
    enteredKey = key;
    return state(irq, state.gfp.within(own.gfp()), memalloc, signalling);
  }

  private static boolean heldClass(List<HeldLock> held, LockClass lockClass) {
    for (int i = 0, n = held.size(); i < n; i++) {
      if (held.get(i).lockClass().equals(lockClass)) {
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
  private void successors(Context context, int depth, List<Context> candidates) {
    Body caller = context.body;
    if (caller.liveCalls == null) {
      caller.liveCalls = liveCalls(caller);
    }
    LiveCall[] live = caller.liveCalls;
    if (live.length == 0) {
      return;
    }
    Frame frame = context.frame;
    CallMemo[] memos = frame.memos(caller, live.length);
    State state = context.state;
    int heldSize = context.held.size();
    for (int i = 0; i < live.length; i++) {
      MethodSummary.CallSite call = live[i].call;
      if (heldSize + call.held().size() > MAX_HELD) {
        continue;
      }
      CallMemo memo = memos[i];
      if (memo == null) {
        memos[i] = memo = entries(live[i], frame);
      }
      List<HeldLock> held = null;
      HeldKey heldKey = null;
      Provenance anchor = null;
      boolean reclaims = false;
      for (int j = 0, n = memo.size; j < n; j++) {
        Body callee = memo.bodies[j];
        BodyId id = callee.id;
        if (id.contexts >= MAX_CONTEXTS_PER_BODY || (j < memo.targets && id != live[i].callee && onChain(context, id))) {
          continue;
        }
        Frame calleeFrame = memo.frames[j];
        if (calleeFrame == null) {
          calleeFrame = frame(callee, memo.receiver, call, frame);
          memo.frames[j] = calleeFrame;
        }
        if (held == null) {
          if (memo.held == null) {
            mapHeld(memo, call, frame);
          }
          if (memo.held.isEmpty()) {
            held = context.held;
            heldKey = context.heldKey;
          } else {
            held = new ArrayList<>(heldSize + memo.held.size());
            held.addAll(context.held);
            held.addAll(memo.held);
            heldKey = memo.extend(context.heldKey, this);
          }
          anchor = context.anchor == null && caller.currentUnit != null ? call.at() : context.anchor;
          reclaims = call.reclaim() && state.gfp.within(call.gfp()).allowsFsReclaim() && !state.memalloc;
        }
        State entered;
        List<HeldLock> enteredHeld;
        HeldKey enteredKey;
        if (callee.plain) {
          // No annotation of its own: the callee runs in the caller's state with the caller's stack.
          entered = state;
          enteredHeld = held;
          enteredKey = heldKey;
        } else {
          BodyContext own = callee.summary.context();
          entered = enter(own, state, held, heldKey, call.at(), reclaims && own.reclaim());
          enteredHeld = this.enteredHeld;
          enteredKey = this.enteredKey;
        }
        if (id.root == null) {
          id.root = callee;
          root(callee);
        }
        Body root = id.root;
        if (calleeFrame.names.length == 0 && entered == root.rootState && sameLocks(enteredHeld, root.rootHeld)) {
          // Nothing the callee's root context does not already give.
          continue;
        }
        if (enteredHeld.size() > MAX_HELD) {
          continue;
        }
        Unit unit = anchor == null && callee.currentUnit != null ? callee.currentUnit : context.unit;
        int hash = Context.hash(id, unit, entered, enteredKey, calleeFrame);
        Context first = find(hash, id, unit, entered, enteredKey, calleeFrame);
        if (first != null && (first.depth != depth || !first.after(anchor != null, context, live[i], this))) {
          continue;
        }
        Set<String> suppressed = context.suppressed;
        Set<String> own = callee.summary.suppressed();
        if (!own.isEmpty() && !suppressed.containsAll(own)) {
          suppressed = new TreeSet<>(suppressed);
          suppressed.addAll(own);
        }
        if (first == null) {
          Context successor =
              new Context(
                  callee, unit, enteredHeld, enteredKey, calleeFrame, context, live[i], suppressed, anchor, entered, hash);
          add(successor);
          candidates.add(successor);
        } else {
          first.replace(callee, enteredHeld, calleeFrame, context, live[i], suppressed, anchor);
        }
      }
    }
  }

  /** Whether a body with {@code id} is on {@code context}'s chain, it included. */
  private static boolean onChain(Context context, BodyId id) {
    if ((context.onChain & id.bit) == 0) {
      return false;
    }
    for (Context on = context; on != null; on = on.parent) {
      if (on.body.id == id) {
        return true;
      }
    }
    return false;
  }

  /**
   * The calls of {@code body} that {@link #entries} may follow to a producer: to an analysed body
   * or its overrides, running its arguments' callbacks, or on a local that a frame may bind to a
   * callback.
   */
  private LiveCall[] liveCalls(Body body) {
    List<MethodSummary.CallSite> calls = body.summary.calls();
    LiveCall[] live = new LiveCall[calls.size()];
    int n = 0;
    for (int i = 0; i < live.length; i++) {
      MethodSummary.CallSite call = calls.get(i);
      Body[] targets = body.targets[i];
      int producers = 0;
      for (Body target : targets) {
        if (target.producer) {
          producers++;
        }
      }
      if (producers > 0 || callsCallbacks(call)) {
        Body[] running = targets;
        if (producers < targets.length) {
          running = new Body[producers];
          producers = 0;
          for (Body target : targets) {
            if (target.producer) {
              running[producers++] = target;
            }
          }
        }
        live[n++] = new LiveCall(call, targets, ids.get(call.callee()), running);
      }
    }
    return n == live.length ? live : Arrays.copyOf(live, n);
  }

  /**
   * Every body {@code live} may run from a body in {@code frame} that may add something (a
   * producer), in a deterministic order, with its frame; the frames of the call's own targets are
   * built as a context first enters them. An override already on the call chain is not entered
   * again: that is a decorator calling the method it implements on its delegate, which is another
   * object of another class in any program that does not wrap a decorator in itself.
   */
  private CallMemo entries(LiveCall live, Frame frame) {
    MethodSummary.CallSite call = live.call;
    CallMemo memo = new CallMemo();
    // Only a parameter binds callbacks, and most receivers name none.
    Binding receiver =
        call.receiver() == null || (!live.localReceiver && frame.localNames) ? null : frame.local(call.receiver());
    if (receiver != null && receiver.callbacks.length > 0) {
      // An analysed callee invoking the callback its caller passed: it runs that callback only.
      String name = name(call.callee());
      for (Bound bound : receiver.callbacks) {
        if (bound.callback.functional() || name(bound.callback.target()).equals(name)) {
          callbackEntries(bound, memo);
        }
      }
      return memo.size == 0 ? NO_ENTRIES : memo;
    }
    Body[] producers = live.producers;
    if (producers.length > 0) {
      // The frames are built as contexts enter the targets.
      memo.bodies = producers;
      memo.frames = new Frame[producers.length];
      memo.size = producers.length;
      memo.targets = producers.length;
      memo.receiver =
          live.thisReceiver && frame.receiver != null && !frame.identity ? frame.receiver : frame.mapInstance(call.receiver());
    }
    if (call.runsCallbacks()) {
      List<MethodSummary.Argument> arguments = call.arguments();
      for (int i = 0; i < arguments.size(); i++) {
        for (Bound bound : callbacks(arguments.get(i), frame)) {
          callbackEntries(bound, memo);
        }
      }
    }
    return memo.size == 0 ? NO_ENTRIES : memo;
  }

  private void callbackEntries(Bound bound, CallMemo into) {
    MethodSummary.Callback callback = bound.callback;
    if (callback.target().startsWith("lambda@")) {
      BodyId id = ids.get(callback.target());
      Body lambda = id == null ? null : id.first;
      if (lambda != null && lambda.producer) {
        // A lambda's `this` and captured locals are its creator's.
        into.add(lambda, bound.frame);
      }
      return;
    }
    String receiver = bound.frame.mapInstance(callback.receiver());
    for (Body target : targets(callback.target(), callback.functional())) {
      if (target.producer) {
        into.add(target, frame(target.id.text, receiver, NO_NAMES, NO_BINDINGS));
      }
    }
  }

  /** The locks {@code call} holds across it, as {@code frame} maps them, and their key texts. */
  private static void mapHeld(CallMemo memo, MethodSummary.CallSite call, Frame frame) {
    List<HeldLock> own = call.held();
    if (own.isEmpty()) {
      memo.held = List.of();
      return;
    }
    HeldLock[] mapped = new HeldLock[own.size()];
    String[] texts = new String[mapped.length];
    for (int i = 0; i < mapped.length; i++) {
      HeldLock lock = own.get(i);
      mapped[i] = frame.map(lock, lock.acquiredAt());
      texts[i] = lockText(mapped[i]);
    }
    memo.held = Arrays.asList(mapped);
    memo.heldTexts = texts;
  }

  /**
   * The frame of {@code target}, as the call made in {@code frame} binds its parameters: {@code
   * frame} with the bindings of the parameters {@code target} uses as locks or callbacks.
   */
  private Frame frame(Body target, String receiver, MethodSummary.CallSite call, Frame frame) {
    String[] names = NO_NAMES;
    Binding[] values = NO_BINDINGS;
    int n = 0;
    List<MethodSummary.Argument> arguments = call.arguments();
    List<String> parameters = target.summary.parameters();
    for (int i : target.usedPositions()) {
      if (i >= arguments.size()) {
        break;
      }
      String parameter = parameters.get(i);
      MethodSummary.Argument argument = arguments.get(i);
      Bound[] callbacks = callbacks(argument, frame);
      LockClass lockClass = argument.lockClass();
      Binding passed = argument.instance() == null ? null : frame.local(argument.instance());
      if (passed != null && passed.lockClass != null) {
        lockClass = passed.lockClass;
      }
      if (lockClass != null || callbacks.length > 0) {
        Binding binding = new Binding(lockClass, frame.mapInstance(argument.instance()), callbacks);
        // Sorted by name, a later binding of one name replacing the earlier.
        int at = 0;
        while (at < n && names[at].compareTo(parameter) < 0) {
          at++;
        }
        if (at < n && names[at].equals(parameter)) {
          values[at] = binding;
          continue;
        }
        if (n == names.length) {
          names = Arrays.copyOf(names, Math.max(2, 2 * n));
          values = Arrays.copyOf(values, names.length);
        }
        System.arraycopy(names, at, names, at + 1, n - at);
        System.arraycopy(values, at, values, at + 1, n - at);
        names[at] = parameter;
        values[at] = binding;
        n++;
      }
    }
    if (n < names.length) {
      names = Arrays.copyOf(names, n);
      values = Arrays.copyOf(values, n);
    }
    return frame(target.id.text, receiver, names, values);
  }

  /** The frame of a callee, not the outermost body, with these parts; one object per distinct frame. */
  private Frame frame(String owner, String receiver, String[] names, Binding[] bindings) {
    int hash = Frame.hash(owner, false, receiver, names, bindings);
    Frame[] table = frames;
    int mask = table.length - 1;
    int slot = (hash ^ (hash >>> 16)) & mask;
    for (Frame known; (known = table[slot]) != null; slot = (slot + 1) & mask) {
      if (known.hash == hash && known.is(owner, false, receiver, names, bindings)) {
        return known;
      }
    }
    Frame frame = new Frame(owner, false, receiver, names, bindings, hash);
    if (2 * (frameCount + 1) > table.length) {
      frames = new Frame[2 * table.length];
      mask = frames.length - 1;
      for (Frame known : table) {
        if (known != null) {
          int at = (known.hash ^ (known.hash >>> 16)) & mask;
          while (frames[at] != null) {
            at = (at + 1) & mask;
          }
          frames[at] = known;
        }
      }
      slot = (hash ^ (hash >>> 16)) & mask;
      while (frames[slot] != null) {
        slot = (slot + 1) & mask;
      }
    }
    frames[slot] = frame;
    frameCount++;
    return frame;
  }

  /** The callbacks an argument carries: its own, or those of the parameter it passes on. */
  private static Bound[] callbacks(MethodSummary.Argument argument, Frame frame) {
    Binding passed = argument.instance() == null ? null : frame.local(argument.instance());
    List<MethodSummary.Callback> own = argument.callbacks();
    if (own.isEmpty() && (passed == null || passed.callbacks.length == 0)) {
      return NO_BOUNDS;
    }
    Bound[] bound = new Bound[own.size() + (passed == null ? 0 : passed.callbacks.length)];
    int n = 0;
    for (int i = 0; i < own.size(); i++) {
      bound[n++] = new Bound(own.get(i), frame);
    }
    if (passed != null) {
      System.arraycopy(passed.callbacks, 0, bound, n, passed.callbacks.length);
    }
    return bound;
  }

  /** The parameters a body acquires, holds, calls or passes on, each once. */
  static String[] usedParameters(MethodSummary body) {
    List<String> parameters = body.parameters();
    if (parameters.isEmpty()) {
      return NO_NAMES;
    }
    boolean[] used = new boolean[parameters.size()];
    List<MethodSummary.Acquisition> acquisitions = body.acquisitions();
    for (int i = 0; i < acquisitions.size(); i++) {
      MethodSummary.Acquisition acquisition = acquisitions.get(i);
      use(acquisition.next().instance(), parameters, used);
      List<HeldLock> held = acquisition.held();
      for (int j = 0; j < held.size(); j++) {
        use(held.get(j).instance(), parameters, used);
      }
    }
    List<MethodSummary.CallSite> calls = body.calls();
    for (int i = 0; i < calls.size(); i++) {
      MethodSummary.CallSite call = calls.get(i);
      use(call.receiver(), parameters, used);
      List<MethodSummary.Argument> arguments = call.arguments();
      for (int j = 0; j < arguments.size(); j++) {
        use(arguments.get(j).instance(), parameters, used);
      }
    }
    String[] names = new String[used.length];
    int n = 0;
    for (int i = 0; i < used.length; i++) {
      if (used[i]) {
        names[n++] = parameters.get(i);
      }
    }
    return n == names.length ? names : Arrays.copyOf(names, n);
  }

  /** Marks the first parameter named {@code instance}, unless it is one {@code @LockClass} fixes. */
  private static void use(String instance, List<String> parameters, boolean[] used) {
    if (instance == null || instance.isEmpty()) {
      return;
    }
    for (int i = 0; i < used.length; i++) {
      if (instance.equals(parameters.get(i))) {
        used[i] = true;
        return;
      }
    }
  }

  private static String name(String id) {
    int hash = id.indexOf('#');
    int paren = id.indexOf('(', hash + 1);
    return hash < 0 || paren < 0 ? id : id.substring(hash + 1, paren);
  }

  /** The state with these parts; one object per distinct state. */
  private State state(IrqState irq, Gfp gfp, boolean memalloc, boolean signalling) {
    int irqCode =
        irq == null
            ? 0
            : 1 + 4 * irq.context().ordinal() + (irq.hardirqsEnabled() ? 2 : 0) + (irq.softirqsEnabled() ? 1 : 0);
    int code = ((irqCode * State.GFPS + gfp.ordinal()) * 2 + (memalloc ? 1 : 0)) * 2 + (signalling ? 1 : 0);
    State state = states[code];
    if (state == null) {
      state = new State(irq, gfp, memalloc, signalling);
      states[code] = state;
    }
    return state;
  }

  /** The held stack with this key text; one object per distinct text. */
  private HeldKey heldKey(String text) {
    HeldKey key = heldKeys.get(text);
    if (key == null) {
      key = new HeldKey(text);
      heldKeys.put(text, key);
    }
    return key;
  }

  /** The held stack {@code key} with a lock of key text {@code lock} on top. */
  HeldKey extend(HeldKey key, String lock) {
    HeldKey next = key.next == null ? null : key.next.get(lock);
    if (next == null) {
      next = heldKey(key.text.concat(lock));
      if (key.next == null) {
        key.next = new HashMap<>();
      }
      key.next.put(lock, next);
    }
    return next;
  }

  /** What a held lock adds to the key text of a held stack. */
  private static String lockText(HeldLock lock) {
    LockClass lockClass = lock.lockClass();
    return new StringBuilder()
        .append(lockClass.key())
        .append(LOCK_MODES[lockClass.subclass()][lock.read().ordinal()][lock.trylock() ? 1 : 0])
        .append(lock.instance())
        .append(';')
        .toString();
  }

  /** The context met with this key, or null. */
  private Context find(int hash, BodyId id, Unit unit, State state, HeldKey held, Frame frame) {
    Context[] table = met;
    int mask = table.length - 1;
    for (int slot = (hash ^ (hash >>> 16)) & mask; ; slot = (slot + 1) & mask) {
      Context candidate = table[slot];
      if (candidate == null) {
        return null;
      }
      if (candidate.hash == hash && candidate.sameKey(id, unit, state, held, frame)) {
        return candidate;
      }
    }
  }

  private void add(Context candidate) {
    if (2 * (metCount + 1) > met.length) {
      Context[] old = met;
      met = new Context[2 * old.length];
      for (Context known : old) {
        if (known != null) {
          put(known);
        }
      }
    }
    put(candidate);
    metCount++;
  }

  private void put(Context candidate) {
    int mask = met.length - 1;
    int slot = (candidate.hash ^ (candidate.hash >>> 16)) & mask;
    while (met[slot] != null) {
      slot = (slot + 1) & mask;
    }
    met[slot] = candidate;
  }

  /**
   * Compares the chain of a context entered from {@code parent} through {@code link} with {@code
   * other}'s, as the texts that join their calls with line breaks.
   */
  int compareChains(Context parent, String link, Context other) {
    int m = links(parent, linksA);
    linksA[m++] = link;
    int n = links(other, linksB);
    for (int i = 0; i < m && i < n; i++) {
      String x = linksA[i];
      String y = linksB[i];
      if (x == y || x.equals(y)) {
        continue;
      }
      int c = x.compareTo(y);
      if (decides(x, y, c)) {
        return c;
      }
      // One call's text starts the other's: the line breaks decide.
      return compare(chainText(linksA, m), chainText(linksB, n));
    }
    return m - n;
  }

  /** Puts the calls of {@code context}'s chain into {@code into}, outermost first; returns their number. */
  private static int links(Context context, String[] into) {
    int n = context.depth;
    for (Context on = context; on.parent != null; on = on.parent) {
      into[on.depth - 1] = on.link();
    }
    return n;
  }

  /** A chain as the text it orders by: its calls joined by line breaks. */
  private static String[] chainText(String[] links, int n) {
    String[] text = new String[Math.max(0, 2 * n - 1)];
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        text[2 * i - 1] = "\n";
      }
      text[2 * i] = links[i];
    }
    return text;
  }
}
