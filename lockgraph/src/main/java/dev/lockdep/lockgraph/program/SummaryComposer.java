package dev.lockdep.lockgraph.program;

import static dev.lockdep.lockgraph.program.KeyText.LOCK_MODES;
import static dev.lockdep.lockgraph.program.KeyText.compare;
import static dev.lockdep.lockgraph.program.KeyText.decides;

import dev.lockdep.lockgraph.HeldLock;
import dev.lockdep.lockgraph.IrqKind;
import dev.lockdep.lockgraph.IrqState;
import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.Provenance;
import dev.lockdep.lockgraph.PseudoLock;
import dev.lockdep.lockgraph.ReadMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

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
  /**
   * Calls followed from a root; a deeper call is not followed, and a {@link Limit} says where. No
   * project of the benchmark corpus reaches it: it bounds the walk, not what real code needs.
   */
  public static final int MAX_CALL_DEPTH = 64;

  /** Distinct contexts a body is entered with beyond its own roots; beyond it, a {@link Limit}. */
  public static final int MAX_CONTEXTS_PER_BODY = 512;

  /**
   * Distinct contexts a body may be asked to enter, entered or not: a level offers a body every
   * context its callers reach it with before the level keeps the first {@link
   * #MAX_CONTEXTS_PER_BODY}, and offering is most of the walk's work. Beyond it, a {@link Limit}.
   */
  static final int MAX_CANDIDATES_PER_BODY = 4 * MAX_CONTEXTS_PER_BODY;

  /** Locks held at a call: lockdep's {@code MAX_LOCK_DEPTH}; a deeper stack is a {@link Limit}. */
  public static final int MAX_HELD = 48;

  /** Class combinations one acquisition is composed in when its monitors' types are unknown. */
  public static final int MAX_COMBINATIONS = 256;

  private static final String DEPTH_BOUND =
      "calls more than " + MAX_CALL_DEPTH + " deep from a root are not followed, past";
  private static final String CONTEXTS_BOUND =
      "a body entered in more than " + MAX_CONTEXTS_PER_BODY + " distinct contexts is composed in the first "
          + MAX_CONTEXTS_PER_BODY + " only";
  private static final String HELD_BOUND =
      "a call made holding more than " + MAX_HELD + " locks is not followed, in";
  private static final String COMBINATIONS_BOUND =
      "an acquisition under monitors of objects of unknown types, or locks of fields given locks of several classes,"
          + " is composed for the first " + MAX_COMBINATIONS + " combinations of their types or classes only, in";
  /**
   * Wrappers handing on their delegates' locks followed from one acquisition: a wrapper of a
   * wrapper of a session is two; a frame rarely knows more levels of objects than this.
   */
  private static final int MAX_RETURNED_HOPS = 4;
  /** Bodies a note names before it counts the rest. */
  private static final int LIMIT_NAMES = 8;

  /**
   * One acquisition of the whole program.
   *
   * @param held the locks held, oldest first, the outermost caller's first
   * @param next the lock taken; its provenance carries the call chain from the outermost caller
   * @param suppressed the names of the checks that a body on the chain suppresses
   * @param anchor the outermost call in the current compilation that led here, for an acquisition
   *     reached through calls from a current body; else null. A finding whose own position lies
   *     in another compilation is reported there.
   * @param initialized the class-initialization locks of the classes that have finished
   *     initializing when it is made: a class whose code is on the chain, and whose initialization
   *     the chain does not hold ({@link dev.lockdep.lockgraph.DependencyEdge#initialized})
   */
  public record ComposedAcquisition(
      List<HeldLock> held, HeldLock next, IrqState irq, Set<String> suppressed, Provenance anchor,
      Set<LockClass> initialized) {}

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
   * A bound of the walk that was reached: what it left out, said once per body and bound.
   *
   * @param at the body's declaration
   * @param message what was cut, naming the body and the bound
   */
  public record Limit(Provenance at, String message) {}

  /**
   * The result of composition.
   *
   * @param acquisitions by unit, units in name order
   * @param sleeps by unit, units in name order
   * @param limits the bounds reached, in the order of the bodies' declarations
   */
  public record Composition(
      Map<String, List<ComposedAcquisition>> acquisitions, Map<String, List<AtomicSleep>> sleeps, List<Limit> limits) {}

  /**
   * The irq state of an acquisition in a body no root or caller gives a context: it adds lock
   * order and no irq usage, since the context it runs in is its callers'.
   */
  static final IrqState ORDER_ONLY = new IrqState(IrqState.Context.TASK, false, false);

  static final Body[] NO_BODIES = {};
  static final String[] NO_NAMES = {};
  static final LockClass[] NO_CLASSES = {};
  /** The root types of a body composed once, with the runtime type of its {@code this} unknown. */
  private static final String[] UNKNOWN_TYPE = {null};
  static final Binding[] NO_BINDINGS = {};
  /** Bodies by id, then in unit order: the order a call's targets are tried in. */
  private static final Comparator<Body> BY_ID =
      (a, b) -> a.id == b.id ? Integer.compare(a.index, b.index) : a.id.text.compareTo(b.id.text);
  private static final Bound[] NO_BOUNDS = {};
  /** What a call that runs nothing runs. */
  private static final CallMemo NO_ENTRIES = new CallMemo();
  /** The positions a packed key of {@link #sort} holds. */
  private static final int INDEX_MASK = (1 << 21) - 1;

  /** The key text of a held {@code fs_reclaim}, as {@link #lockText} gives it. */
  private static final String FS_RECLAIM_TEXT =
      lockText(new HeldLock(LockClass.FS_RECLAIM, ReadMode.EXCLUSIVE, false, null, Provenance.of("-", 0, "")));

  /** How the keys of tasks' completions begin ({@link #findAwaited}): a pseudo key no lock has. */
  private static final String COMPLETION = "#completion:";
  /** The key text of the held {@code dma_fence_map} reader, as {@link #lockText} gives it. */
  private static final String FENCE_READER_TEXT =
      lockText(new HeldLock(LockClass.DMA_FENCE_MAP, ReadMode.SHARED, false, null, Provenance.of("-", 0, "")));

  /** Every id the program's bodies have or declare they override. */
  private final Map<String, BodyId> ids;
  /** Every body of the program, one per summary, in unit order. */
  private final List<Body> bodies;
  /** The program's types, and the bodies each declares. */
  private final TypeHierarchy types = new TypeHierarchy();
  /** The types the program's objects may have where they are used. */
  private TypeFlow flow;
  /**
   * Per lock field's class key, the classes of the lock objects constructors store there ({@link
   * #findStoredLocks}), in class order; null for the field's own class.
   */
  private final Map<String, LockClass[]> stored = new HashMap<>();
  /**
   * Per lock class keyed by a method ({@link #findReturnedLocks}), the name each class of its
   * {@link #stored} classes has in the getter that returns it ({@code this.subsegmentsLock}).
   */
  private final Map<String, Map<LockClass, String>> returnedInstances = new HashMap<>();
  /**
   * Per receiver that names a field holding one object for the life of its own ({@code this.f},
   * or a static field's name), per class declaring it ({@link #fieldOwner}), the creation that
   * gives it that object ({@link #findFieldCreations}). Keyed by the receiver first, so that the
   * look-up at each call, mostly of receivers no creation names, costs one probe.
   */
  private final Map<String, Map<String, MethodSummary.CallSite>> fieldCreations = new HashMap<>();
  /** The concrete types whose objects' monitors some body takes as {@code this} ({@link #monitoredSubtypes}). */
  private final Set<String> monitored = new HashSet<>();
  /** Per static type, {@link #monitorTypes}. */
  private final Map<String, String[]> monitorTypes = new HashMap<>();
  /** Per virtually called id, every body some type selects for it ({@link #targets}). */
  private final Map<String, Body[]> virtualTargets = new HashMap<>();
  /** Per bound reached, the bodies that met it, by name, with their declarations. */
  private final Map<String, TreeMap<String, Provenance>> limits = new TreeMap<>();
  /**
   * The acquisitions of bodies that stand for code outside the program ({@link Body#outside}), by
   * unit in the order they were composed: added at the end where nothing else gives them.
   */
  private final Map<Unit, List<ComposedAcquisition>> outsideUses = new LinkedHashMap<>();
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
  /** The keys of the class initializations that may close a cycle ({@link #findLiveInitializations}). */
  private Set<String> liveInitializations = Set.of();
  /** Per class, {@link #codeOf}. */
  private final Map<String, Set<String>> initializedCode = new HashMap<>();
  /**
   * Per class of the program's bodies, the locks of the live class initializations whose class is
   * initialized once code of that class runs ({@link #codeOf}).
   */
  private final Map<String, LockClass[]> initializedBy = new HashMap<>();
  /** {@link #initializationHolders}, null until found. */
  private Set<String> initializationHolders;
  /** Per body, {@link #initializationsTaken}. */
  private final Map<Body, Set<String>> initializationsTaken = new HashMap<>();
  /** Per array of {@link #initializedOnChain}, the set of its classes ({@link #finishedInitializations}). */
  private final Map<LockClass[], Set<LockClass>> finishedSets = new IdentityHashMap<>();
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
    composer.findFieldCreations();
    HeldByCalls.resolve(composer.bodies, composer::targets, composer::storedArguments, composer.types);
    composer.findAwaited();
    composer.findWrappers();
    composer.findStoredLocks();
    composer.findReturnedLocks();
    composer.flow = new TypeFlow(composer.bodies, composer::everySelected, composer.types);
    composer.findProducers();
    composer.findInitializedBy();
    composer.findThisSensitive();
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
      types.add(program.types());
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

  /**
   * Adds to {@code roots} the root contexts of each producer of {@code unit}: one per runtime type
   * of its {@code this} when its facts depend on it.
   */
  private void roots(Unit unit, List<Context> roots) {
    for (Body body : unit.bodies) {
      if (body.producer) {
        root(body);
        MethodSummary method = body.summary;
        for (String thisType : rootTypes(body)) {
          roots.add(
              new Context(
                  body, unit, body.rootHeld, body.rootKey, Frame.root(method.id(), thisType), null, null,
                  method.suppressed(), null, body.rootState, 0));
        }
      }
    }
  }

  /**
   * The runtime types of {@code this} a body's roots are composed for: every concrete type that
   * runs it, when its facts depend on that; else one root with the type unknown.
   */
  private String[] rootTypes(Body body) {
    if (body.rootTypes == null) {
      String owner = body.thisSensitive ? body.id.owner : null;
      String[] selecting = owner == null ? NO_NAMES : typesSelecting(body, owner);
      body.rootTypes = selecting.length == 0 ? UNKNOWN_TYPE : selecting;
    }
    return body.rootTypes;
  }

  /** Of {@code candidates}, those that do not {@link TypeHierarchy#wraps wrap} an object of {@code type}; all when each does. */
  private String[] unwrapped(String[] candidates, String type) {
    String[] kept = new String[candidates.length];
    int n = 0;
    for (String candidate : candidates) {
      if (!types.wraps(candidate, type)) {
        kept[n++] = candidate;
      }
    }
    return n == 0 || n == candidates.length ? candidates : Arrays.copyOf(kept, n);
  }

  /** The concrete subtypes of {@code type} for which a call of {@code body}'s id selects {@code body}. */
  private String[] typesSelecting(Body body, String type) {
    if (body.typesSelecting == null) {
      body.typesSelecting = new HashMap<>(4);
    }
    String[] known = body.typesSelecting.get(type);
    if (known == null) {
      known = findTypesSelecting(body, type);
      body.typesSelecting.put(type, known);
    }
    return known;
  }

  private String[] findTypesSelecting(Body body, String type) {
    String[] candidates = types.concreteSubtypes(type);
    String[] selecting = new String[candidates.length];
    int n = 0;
    for (String candidate : candidates) {
      if (types.select(candidate, body.id.text) == body) {
        selecting[n++] = candidate;
      }
    }
    return n == selecting.length ? selecting : Arrays.copyOf(selecting, n);
  }

  /**
   * The body of {@code summary}, new unless the same summary came before (in two units); indexes
   * it by its id and, under its type, by the ids it overrides ({@link TypeHierarchy}).
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
    types.declare(body);
    return body;
  }

  /**
   * Gives each body that some call waits for as a task ({@link MethodSummary.CallSite#awaits}) its
   * completion: a lock class of its own, which its root holds while it runs and the wait takes, as
   * lockdep's cross-release completions do. A thread that waits for the task while holding a lock
   * the task takes orders that lock before the completion, and the task the completion before
   * the lock: {@code LockOrderInversion}. Only bodies without annotations of their own are so
   * rooted (a task is code a new thread runs).
   */
  private void findAwaited() {
    for (Body body : bodies) {
      for (MethodSummary.CallSite call : body.summary.calls()) {
        for (String awaited : call.awaits()) {
          BodyId id = ids.get(awaited);
          Body task = id == null ? null : id.first;
          if (task != null && task.plain && task.completion == null) {
            String name = "completion of " + task.summary.method();
            task.completion = new LockClass(COMPLETION + awaited, 0, name, false, PseudoLock.NONE);
          }
        }
      }
    }
  }

  /**
   * Finds the classes of each lock field a constructor sets from its parameter ({@link
   * MethodSummary.Store}): the class of the argument at each call of the constructor that passes
   * a lock of a class it names. A lock keeps its class when it is passed on, as lockdep keeps the
   * key of where it was initialised. A lock a creator makes for the object ({@code new Object()}),
   * or only passes on from its own caller, is of the field's own class. A field given locks of
   * several classes is each of them where the object is not known: what a collection of such
   * objects holds may be any (an acquisition is composed once per class); a field only ever given
   * locks of its own class keeps it.
   */
  private void findStoredLocks() {
    Map<String, TreeSet<LockClass>> named = new HashMap<>();
    Set<String> own = new HashSet<>();
    for (Body body : bodies) {
      List<MethodSummary.CallSite> calls = body.summary.calls();
      for (int i = 0; i < calls.size(); i++) {
        MethodSummary.CallSite call = calls.get(i);
        BodyId id = ids.get(call.callee());
        if (id == null || id.first == null || id.first.summary.stores().isEmpty()) {
          continue;
        }
        for (MethodSummary.Store store : id.first.summary.stores()) {
          List<MethodSummary.Argument> arguments = call.arguments();
          MethodSummary.Argument argument = store.parameter() < arguments.size() ? arguments.get(store.parameter()) : null;
          LockClass lockClass = argument == null ? null : argument.lockClass();
          if (lockClass == null
              || (!lockClass.typed() && JdkPackages.declares(lockClass.key()))
              || (argument.instance() != null && body.summary.parameters().contains(argument.instance()))) {
            own.add(store.lockClass());
          } else {
            named.computeIfAbsent(store.lockClass(), k -> new TreeSet<>(STORED_ORDER)).add(lockClass);
          }
        }
      }
    }
    // In name order: where fields are set from each other in a ring, where the ring is cut
    // depends on where it is entered.
    for (String field : new TreeSet<>(named.keySet())) {
      resolveStored(field, named, own, new HashSet<>());
    }
  }

  /**
   * For each lock keyed by the method that returned it ({@link #returnedBy}, lock model rule 6),
   * the classes the method's implementations return ({@link MethodSummary#returnedLock}), and the
   * method's own class where an implementation is not a getter: where no frame knows the object
   * the method ran on, the lock is each of them, as a field its creators give locks of several
   * classes is ({@link #storedClasses}). A lock the streaming code takes through an interface is
   * then also the lock the entity's own methods take by its field's name.
   */
  private void findReturnedLocks() {
    Set<String> keyed = new TreeSet<>();
    for (Body body : bodies) {
      for (MethodSummary.Acquisition acquisition : body.summary.acquisitions()) {
        if (returnedBy(acquisition.next()) != null) {
          keyed.add(acquisition.next().lockClass().key());
        }
      }
    }
    for (String key : keyed) {
      List<LockClass> classes = new ArrayList<>();
      boolean other = false;
      Map<LockClass, String> named = new TreeMap<>(STORED_ORDER);
      for (Body implementation : types.declaring(returningMethod(key))) {
        HeldLock returned = implementation.summary.returnedLock();
        if (returned == null || (returnedBy(returned) != null && !returned.lockClass().key().equals(key))) {
          other = true;
        } else if (returnedBy(returned) != null) {
          // A wrapper handing on its delegate's lock of the same method: one of the others'.
          continue;
        } else {
          addOnce(classes, returned.lockClass());
          if (returned.instance() != null) {
            // Two getters returning locks of one class name them alike or name them not at all.
            named.merge(returned.lockClass(), returned.instance(), (a, b) -> a.equals(b) ? a : "");
          }
        }
      }
      if (!classes.isEmpty() && !stored.containsKey(key)) {
        named.values().removeIf(String::isEmpty);
        returnedInstances.put(key, named);
        classes.sort(STORED_ORDER);
        if (other) {
          classes.add(null);
        }
        stored.put(key, classes.toArray(new LockClass[0]));
      }
    }
  }

  /**
   * The classes {@code field} holds, a stored field among them replaced by the classes it holds
   * (a field set from another field set from a parameter), once per field: a field reached again
   * on the way is its own class there.
   */
  private LockClass[] resolveStored(
      String field, Map<String, TreeSet<LockClass>> named, Set<String> own, Set<String> onPath) {
    LockClass[] done = stored.get(field);
    if (done != null) {
      return done;
    }
    onPath.add(field);
    List<LockClass> candidates = new ArrayList<>();
    for (LockClass passed : named.get(field)) {
      if (!named.containsKey(passed.key()) || onPath.contains(passed.key())) {
        addOnce(candidates, passed);
        continue;
      }
      for (LockClass held : resolveStored(passed.key(), named, own, onPath)) {
        addOnce(candidates, held == null ? passed : atSubclassOf(held, passed));
      }
    }
    if (own.contains(field)) {
      candidates.add(null);
    }
    onPath.remove(field);
    LockClass[] classes = candidates.toArray(new LockClass[0]);
    stored.put(field, classes);
    return classes;
  }

  private static void addOnce(List<LockClass> classes, LockClass lockClass) {
    for (LockClass known : classes) {
      if (known != null && STORED_ORDER.compare(known, lockClass) == 0) {
        return;
      }
    }
    classes.add(lockClass);
  }

  /** {@code stored}, reached through a lock of class {@code via}: at {@code via}'s subclass, unless that is 0. */
  private static LockClass atSubclassOf(LockClass stored, LockClass via) {
    return via.subclass() == 0 || via.subclass() == stored.subclass() ? stored : stored.withSubclass(via.subclass());
  }

  /** Stored classes apart: by class order, then typed after not. */
  private static final Comparator<LockClass> STORED_ORDER =
      (a, b) -> {
        int c = a.compareTo(b);
        return c != 0 ? c : Boolean.compare(a.typed(), b.typed());
      };

  /**
   * Finds the creations the front end names by a field ({@code writeLock = new
   * ReleasableLock(segmentLock.writeLock())}, a final field's initializer or its assignment in the
   * only constructor): the field holds that object wherever it is read. A field given two
   * creations is left out.
   */
  private void findFieldCreations() {
    Map<String, Set<String>> ambiguous = new HashMap<>();
    for (Body body : bodies) {
      for (MethodSummary.CallSite call : body.summary.calls()) {
        String owner = call.callee().contains("#<init>(") ? fieldOwner(body.id.owner, call.receiver()) : null;
        if (owner == null) {
          continue;
        }
        Map<String, MethodSummary.CallSite> byOwner = fieldCreations.computeIfAbsent(call.receiver(), r -> new HashMap<>(2));
        MethodSummary.CallSite known = byOwner.putIfAbsent(owner, call);
        if (known != null && !known.at().equals(call.at())) {
          ambiguous.computeIfAbsent(call.receiver(), r -> new HashSet<>()).add(owner);
        }
      }
    }
    ambiguous.forEach((receiver, owners) -> fieldCreations.get(receiver).keySet().removeAll(owners));
  }

  /**
   * The class that declares the field {@code receiver} names in a body of class {@code owner}, as
   * {@link #fieldCreations} keys it: {@code owner} for a field of its object ({@code this.f}), the
   * empty string for a static field, whose name is the program's; null for any other name.
   */
  private static String fieldOwner(String owner, String receiver) {
    if (receiver == null || receiver.startsWith(MethodSummary.LOCAL)) {
      return null;
    }
    if (receiver.startsWith("this.")) {
      return receiver.indexOf('.', 5) < 0 ? owner : null;
    }
    return receiver.startsWith("this") ? null : "";
  }

  /**
   * The creation of the object a field {@code receiver} names in {@code caller} holds ({@link
   * #findFieldCreations}): a field of the caller's class or a superclass, of an enclosing class,
   * or a static field; else null.
   */
  private MethodSummary.CallSite fieldCreation(Body caller, String receiver) {
    if (receiver == null) {
      return null;
    }
    String owner = caller.id.owner;
    String field = receiver;
    // A field of an enclosing object (this.this$Outer.f, in an inner class) is a field of Outer.
    while (owner != null && field.startsWith("this.this$")) {
      int dot = field.indexOf('.', 10);
      if (dot < 0) {
        return null;
      }
      owner = enclosing(owner, field.substring(10, dot));
      field = "this." + field.substring(dot + 1);
    }
    Map<String, MethodSummary.CallSite> byOwner = fieldCreations.get(field);
    if (byOwner == null) {
      return null;
    }
    if (!field.startsWith("this.")) {
      return byOwner.get("");
    }
    if (owner == null) {
      return null;
    }
    for (String type : types.lookupOrder(owner)) {
      MethodSummary.CallSite creation = byOwner.get(type);
      if (creation != null) {
        return creation;
      }
    }
    return null;
  }

  /**
   * Per field of the object {@code receiver} names in {@code caller} ({@code this.lock} in that
   * object's methods), the argument its constructor stored there, as the caller names it: where the
   * caller created the object, or a field holds it ({@link #fieldCreation}; then what the creator
   * named by its own locals is not the caller's). Empty when no creation is known.
   */
  Map<String, MethodSummary.Argument> storedArguments(Body caller, String receiver) {
    MethodSummary.CallSite made = receiver == null ? null : caller.creation(receiver);
    Map<String, MethodSummary.Argument> fields = new HashMap<>();
    storedArguments(made, made != null ? made : fieldCreation(caller, receiver), fields::put);
    return fields;
  }

  /**
   * Gives {@code action} each field ({@code this.f}) that the constructor run by {@code creation}
   * set from an argument, with the argument, unless the argument is a local of a creator other
   * than the caller ({@code made} is the caller's own creation, else null); whether that
   * constructor is known.
   */
  private boolean storedArguments(
      MethodSummary.CallSite made, MethodSummary.CallSite creation, BiConsumer<String, MethodSummary.Argument> action) {
    return storedArguments(creation, (store, argument) -> {
      if (made != null || !namesLocal(argument)) {
        action.accept(storedField(store), argument);
      }
    });
  }

  /** Whether {@code argument} names a local or parameter of the body it is passed in. */
  private static boolean namesLocal(MethodSummary.Argument argument) {
    return argument.instance() != null && argument.instance().startsWith(MethodSummary.LOCAL);
  }

  /**
   * Whether a constructor that stores {@code argument} in a field gives that field the argument's
   * lock class: a class a lock object was keyed by where it was created (a field, a lock created
   * for a field), not a type alone.
   */
  static boolean passesLockClass(MethodSummary.Argument argument) {
    LockClass lockClass = argument.lockClass();
    return lockClass != null && !lockClass.typed() && !JdkPackages.declares(lockClass.key());
  }

  /**
   * The classes of the lock objects stored in a field of class {@code lockClass} ({@link
   * #findStoredLocks}): {@code lockClass} itself when none is, or for the locks of its own class a
   * creator gave it.
   */
  private List<LockClass> storedClasses(LockClass lockClass) {
    LockClass[] passed = stored.get(lockClass.key());
    if (passed == null) {
      return List.of(lockClass);
    }
    List<LockClass> classes = new ArrayList<>(passed.length);
    for (LockClass one : passed) {
      addOnce(classes, one == null ? lockClass : atSubclassOf(one, lockClass));
    }
    return classes;
  }

  /**
   * Whether a lock field of class {@code field} may hold a lock of class {@code held}: a creator
   * gave it one ({@link #storedClasses}), or the monitor of a supertype of {@code held}, as a
   * reconnector made with {@code new Reconnector(this)} keeps its manager in an {@code Object
   * owner} field, whose monitor is the manager's.
   */
  private boolean storedAs(LockClass field, LockClass held) {
    if (stored.isEmpty() || !stored.containsKey(field.key())) {
      return false;
    }
    for (LockClass one : storedClasses(field)) {
      // A monitor stored as its static type (`new Reconnector(this)` in a superclass's body) is
      // the monitor of an object of any of its subtypes.
      if (one.key().equals(held.key()) || (one.typed() && types.isSubtype(held.key(), one.key()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Finds the wrappers ({@link TypeHierarchy#wraps}): the classes with a method that calls, on a
   * field of its own object, a method of a type the class itself implements.
   */
  private void findWrappers() {
    for (Body body : bodies) {
      String owner = body.id.owner;
      if (owner == null) {
        continue;
      }
      for (MethodSummary.CallSite call : body.summary.calls()) {
        String receiver = call.receiver();
        String type = call.receiverType();
        if (type != null && receiver != null && receiver.startsWith("this.") && receiver.indexOf('.', 5) < 0
            && !type.equals(owner) && types.isSubtype(owner, type)) {
          types.addWrapper(owner, type);
        }
      }
    }
  }

  /**
   * Marks the producers ({@link Body#producer}): the bodies that acquire, reclaim or wait
   * themselves, or run callbacks they are given (which may do anything), then every body that may
   * call one of those, backwards along the calls. A class initialization a body takes makes it a
   * producer only where that initialization may close a cycle, which depends on the producers
   * ({@link #findLiveInitializations}): found again until no more are.
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
    for (int head = 0; ; ) {
      for (; head < tail; head++) {
        for (int call = lastCall[work[head].index]; call >= 0; call = callBefore[call]) {
          Body caller = bodies.get(callers[call]);
          if (!caller.producer) {
            caller.producer = true;
            work[tail++] = caller;
          }
        }
      }
      int found = liveInitializations.size();
      findLiveInitializations();
      if (liveInitializations.size() == found) {
        break;
      }
      for (int b = 0; b < n; b++) {
        Body body = bodies.get(b);
        if (!body.producer && takesLiveInitialization(body)) {
          body.producer = true;
          work[tail++] = body;
        }
      }
    }
    lastCall = null;
    callers = null;
    callBefore = null;
  }

  /** Whether {@code body} takes a class initialization that may close a cycle. */
  private boolean takesLiveInitialization(Body body) {
    for (MethodSummary.Acquisition acquisition : body.summary.acquisitions()) {
      if (liveInitializations.contains(acquisition.next().lockClass().key())) {
        return true;
      }
    }
    return false;
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
    boolean produces = false;
    for (MethodSummary.Acquisition acquisition : summary.acquisitions()) {
      produces |= !idleInitialization(acquisition.next());
    }
    for (int i = 0; i < targets.length; i++) {
      MethodSummary.CallSite call = calls.get(i);
      if (call.reclaim() || call.fenceWait() || !call.awaits().isEmpty()) {
        if (body.effectCalls.isEmpty()) {
          body.effectCalls = new ArrayList<>(1);
        }
        body.effectCalls.add(call);
        produces = true;
      }
      produces = produces || callsCallbacks(call);
      Body[] called = withFunctions(targets(call), flowFunctions(body, call), call.callee());
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

  /**
   * The lambdas and method references the flow brings to the receiver of {@code call} in {@code
   * body} that run a body for it ({@link MethodSummary#function}), in name order; none on a
   * parameter of the body, whose callers' functions run as callbacks bound where each caller passes
   * them ({@link #entries}), with the caller's objects, which the flow's union of them loses.
   * {@link #functionEntries} runs fewer.
   */
  private List<String> flowFunctions(Body body, MethodSummary.CallSite call) {
    String receiver = call.receiver();
    if (receiver != null && body.summary.parameters().contains(receiver)) {
      return List.of();
    }
    List<String> found = new ArrayList<>(0);
    for (String type : flow.functions(body, call)) {
      if (MethodSummary.functionBody(type, call.callee()) != null) {
        found.add(type);
      }
    }
    return found;
  }

  /** The bodies {@code function}, a name of {@link #flowFunctions}, runs for a call of {@code callee}. */
  private Body[] functionBodies(String function, String callee) {
    BodyId id = ids.get(MethodSummary.functionBody(function, callee));
    return id == null ? NO_BODIES : id.ownTargets();
  }

  /** {@code targets} and the bodies of {@code functions} ({@link #flowFunctions}), each once. */
  private Body[] withFunctions(Body[] targets, List<String> functions, String callee) {
    if (functions.isEmpty()) {
      return targets;
    }
    List<Body> all = new ArrayList<>(Arrays.asList(targets));
    for (String function : functions) {
      for (Body body : functionBodies(function, callee)) {
        if (!all.contains(body)) {
          all.add(body);
        }
      }
    }
    return all.toArray(NO_BODIES);
  }

  /**
   * Adds to {@code memo} the bodies the lambdas and method references the flow brings to the
   * receiver of {@code live} run. They were made elsewhere: nothing of the caller's frame is theirs
   * but the function object, whose creator (a lambda's enclosing object, {@code this::m}'s) is
   * taken as an inner object's enclosing instance is, the object it belongs to ({@link
   * #owner}): a listener taking its creator's lock while the creator holds it re-enters that lock.
   */
  private void functionEntries(LiveCall live, CallMemo memo) {
    String callee = live.call.callee();
    List<String> functions = live.functions;
    String receiver = live.call.receiver();
    if (functions.size() > 1 && receiver != null && receiver.indexOf('.') > 0) {
      // A field given one of several functions (a task wrapper's runnable, set by each creator)
      // holds, per object, the one its creator gave, which the frame binds where it knows the
      // creator; the field-based flow cannot tell which, and runs none of them.
      return;
    }
    for (String function : functions) {
      String creator = MethodSummary.functionCreator(function);
      String enclosing = creator == null || memo.receiver == null
          ? null
          : memo.receiver + ".this$" + types.simpleName(creator);
      ReachedOwner[] owners = enclosing == null
          ? ReachedOwner.NONE
          : new ReachedOwner[] {new ReachedOwner(enclosing, memo.receiver.length(), List.of(creator))};
      for (Body body : functionBodies(function, callee)) {
        if (body.producer) {
          memo.add(body, new Bindings().frame(this, body.id.text, enclosing, creator, owners), creator);
        }
      }
    }
  }

  /** Whether {@code call} may run a callback: its arguments', or one a frame binds to its receiver. */
  private static boolean callsCallbacks(MethodSummary.CallSite call) {
    return call.runsCallbacks() || (call.receiver() != null && call.receiver().startsWith(MethodSummary.LOCAL));
  }

  /**
   * Every body {@code call} may run in some frame: the body with its id and, for a virtual call,
   * every body some type selects for it. Each context picks among them ({@link #dispatch}).
   */
  private Body[] targets(MethodSummary.CallSite call) {
    BodyId id = ids.get(call.callee());
    Body[] own = id == null ? NO_BODIES : id.ownTargets();
    if (!call.virtual()) {
      return own;
    }
    return everySelected(call.callee(), own);
  }

  /** The bodies with the id {@code callee}, and every body some type selects for it, by id. */
  private Body[] everySelected(String callee) {
    BodyId id = ids.get(callee);
    return everySelected(callee, id == null ? NO_BODIES : id.ownTargets());
  }

  /** {@code own}, the bodies with the id {@code callee}, and every body some type selects for it, by id. */
  private Body[] everySelected(String callee, Body[] own) {
    Body[] all = virtualTargets.get(callee);
    if (all == null) {
      Collection<Body> declaring = types.declaring(callee);
      Set<Body> found = new LinkedHashSet<>(declaring);
      found.addAll(Arrays.asList(own));
      // A class may implement the callee with a method it inherits from a superclass that does
      // not implement the callee's type: what each concrete subtype selects runs too.
      String owner = ClassHierarchy.owner(callee);
      if (owner != null && types.knows(owner)) {
        for (String type : types.concreteSubtypes(owner)) {
          Body selected = types.select(type, callee);
          if (selected != null) {
            found.add(selected);
          }
        }
      }
      all = found.toArray(NO_BODIES);
      Arrays.sort(all, BY_ID);
      virtualTargets.put(callee, all);
    }
    return all;
  }

  /**
   * Marks the bodies whose facts depend on the runtime type of their {@code this} ({@link
   * Body#thisSensitive}): those that take the monitor of {@code this}, call a virtual method on it
   * or pass it on, and, backwards, every body that calls one of those on {@code this}. Only their
   * roots are composed once per type that runs them.
   */
  private void findThisSensitive() {
    List<Body> unmarked = new ArrayList<>();
    for (Body body : bodies) {
      String owner = body.id.owner;
      if (owner != null && locksThis(body.summary)) {
        for (String type : typesSelecting(body, owner)) {
          monitored.add(type);
        }
      }
      if (body.producer) {
        if (usesThisType(body.summary)) {
          body.thisSensitive = true;
        } else {
          unmarked.add(body);
        }
      }
    }
    for (boolean changed = true; changed; ) {
      changed = false;
      for (int b = 0; b < unmarked.size(); b++) {
        Body body = unmarked.get(b);
        if (callsSensitiveOnThis(body)) {
          body.thisSensitive = true;
          unmarked.set(b, unmarked.get(unmarked.size() - 1));
          unmarked.remove(unmarked.size() - 1);
          b--;
          changed = true;
        }
      }
    }
  }

  private static boolean usesThisType(MethodSummary summary) {
    for (MethodSummary.Acquisition acquisition : summary.acquisitions()) {
      if (namesThisType(acquisition.next())) {
        return true;
      }
    }
    for (MethodSummary.CallSite call : summary.calls()) {
      if (call.virtual() && "this".equals(call.receiver())) {
        return true;
      }
      for (MethodSummary.Argument argument : call.arguments()) {
        if ("this".equals(argument.instance()) || !argument.callbacks().isEmpty()) {
          return true;
        }
      }
      for (HeldLock held : call.held()) {
        if (namesThisType(held)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a body takes the monitor of its own object. */
  private static boolean locksThis(MethodSummary summary) {
    for (MethodSummary.Acquisition acquisition : summary.acquisitions()) {
      if (typedThis(acquisition.next())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The concrete subtypes of {@code type} whose objects' monitors the program takes as {@code this}
   * somewhere: the types a monitor of an object of unknown type may be told apart by. A monitor of
   * a type no method of which locks its own object is one class, the static type: giving it each
   * concrete type would only repeat each of its findings per type.
   */
  private String[] monitoredSubtypes(String type) {
    String[] all = types.concreteSubtypes(type);
    String[] kept = new String[all.length];
    int n = 0;
    for (String candidate : all) {
      if (monitored.contains(candidate)) {
        kept[n++] = candidate;
      }
    }
    return n == all.length ? all : Arrays.copyOf(kept, n);
  }

  /**
   * The types a monitor of an object of static type {@code type} and unknown runtime type may be
   * told apart by: its {@link #monitoredSubtypes} that do not {@link TypeHierarchy#wraps wrap} one,
   * computed once per type.
   */
  private String[] monitorTypes(String type) {
    String[] known = monitorTypes.get(type);
    if (known == null) {
      known = unwrapped(monitoredSubtypes(type), type);
      monitorTypes.put(type, known);
    }
    return known;
  }

  private static boolean typedThis(HeldLock lock) {
    return lock.lockClass().typed() && "this".equals(lock.instance());
  }

  /** Whether the class of {@code lock} depends on the runtime type of {@code this}. */
  private static boolean namesThisType(HeldLock lock) {
    return typedThis(lock) || "this".equals(returnedBy(lock));
  }

  /**
   * The object a lock keyed by the method that returns it was returned by ({@code receiver} of
   * {@code receiver.getLock()}, the front end's name for it; lock model rule 6); else null.
   */
  private static String returnedBy(HeldLock lock) {
    String instance = lock.instance();
    String key = lock.lockClass().key();
    if (instance == null || !key.endsWith("()")) {
      return null;
    }
    int method = key.lastIndexOf('.') + 1;
    int length = key.length() - method;
    int dot = instance.length() - length - 1;
    return dot > 0 && instance.charAt(dot) == '.' && instance.regionMatches(dot + 1, key, method, length)
        ? instance.substring(0, dot)
        : null;
  }

  /**
   * The getter that returns {@code lock}, keyed by the method that returned it on {@code receiver}
   * ({@link #returnedBy}), where the frame knows the class of that object and that class's
   * implementation is a getter ({@link MethodSummary#returnedLock}); else null.
   */
  private Body getter(HeldLock lock, String receiver, Frame frame) {
    String type = receiver == null ? null : frame.runtimeType(receiver);
    if (type == null) {
      return null;
    }
    Body body = types.select(type, returningMethod(lock.lockClass().key()));
    return body == null || body.summary.returnedLock() == null ? null : body;
  }

  /** The id of the method a lock class keyed by it names ({@code pkg.Channel.getMutex()}: {@code pkg.Channel#getMutex()}). */
  private static String returningMethod(String key) {
    int dot = key.lastIndexOf('.');
    return key.substring(0, dot) + "#" + key.substring(dot + 1);
  }

  /** {@code lock}, which {@code getter} returned on {@code receiver}: the lock the getter returns, on that object. */
  private static HeldLock returnedOn(Body getter, HeldLock lock, String receiver) {
    HeldLock returned = getter.summary.returnedLock();
    String instance = returned.instance() == null ? null : rebase(returned.instance(), receiver);
    LockClass lockClass = lock.lockClass().subclass() == 0
        ? returned.lockClass()
        : returned.lockClass().withSubclass(lock.lockClass().subclass());
    return new HeldLock(lockClass, lock.read(), lock.trylock(), instance, lock.acquiredAt());
  }

  /**
   * {@code lock} as the frame knows it: the lock a getter returns, where {@link #getter} finds it;
   * through a wrapper handing on its delegate's lock, that delegate's, as far as the frame knows
   * the objects' classes.
   */
  private HeldLock returned(HeldLock lock, Frame frame) {
    for (int hops = 0; hops < MAX_RETURNED_HOPS; hops++) {
      String receiver = returnedBy(lock);
      Body getter = getter(lock, receiver, frame);
      if (getter == null) {
        return lock;
      }
      lock = returnedOn(getter, lock, receiver);
    }
    return lock;
  }

  /** {@code lock} of a body in {@code frame}, in the caller's terms ({@link Frame#map}). */
  private HeldLock mapped(HeldLock lock, Provenance at, Frame frame) {
    return frame.map(returned(lock, frame), at, types);
  }

  private static boolean callsSensitiveOnThis(Body body) {
    List<MethodSummary.CallSite> calls = body.summary.calls();
    for (int i = 0; i < calls.size(); i++) {
      if ("this".equals(calls.get(i).receiver())) {
        for (Body target : body.targets[i]) {
          if (target.thisSensitive) {
            return true;
          }
        }
      }
    }
    return false;
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
        } else if (liveCalls(context.body).length > 0) {
          limit(DEPTH_BOUND, context.body);
        }
      }
      Context[] sorted = sort(candidates);
      level = new ArrayList<>(sorted.length);
      for (Context candidate : sorted) {
        BodyId id = candidate.body.id;
        if (id.contexts < MAX_CONTEXTS_PER_BODY) {
          id.contexts++;
          id.entered(candidate.held);
          level.add(candidate);
        } else {
          contextsFull(candidate.body);
          if (id.newlyHeld(candidate.held)) {
            // Past the bound, a lock class none of the body's contexts held is still ordered
            // before what the body itself takes; the calls it makes are not followed from here.
            id.entered(candidate.held);
            emit(candidate);
            effects(candidate, sleeps);
          }
        }
      }
    }
    addOutsideUses(out);
    return new Composition(out, sleeps, limits());
  }

  /**
   * Adds the acquisitions of the bodies that stand for code outside the program ({@link
   * Body#outside}) whose dependencies no other acquisition gives: where the compilation has a use
   * that starts the same initializations, that use says where, not the stand-in.
   */
  private void addOutsideUses(Map<String, List<ComposedAcquisition>> out) {
    if (outsideUses.isEmpty()) {
      return;
    }
    Set<List<LockClass>> given = new HashSet<>();
    for (List<ComposedAcquisition> acquisitions : out.values()) {
      for (ComposedAcquisition acquisition : acquisitions) {
        // A use on a chain that has some class initialized gives the dependency only where that
        // class's initialization is not on the cycle (DependencyEdge#initialized): not the same.
        if (acquisition.next().lockClass().initializedClass() != null && acquisition.initialized().isEmpty()) {
          for (HeldLock held : acquisition.held()) {
            given.add(List.of(held.lockClass(), acquisition.next().lockClass()));
          }
        }
      }
    }
    for (Map.Entry<Unit, List<ComposedAcquisition>> entry : outsideUses.entrySet()) {
      for (ComposedAcquisition acquisition : entry.getValue()) {
        for (HeldLock held : acquisition.held()) {
          if (!given.contains(List.of(held.lockClass(), acquisition.next().lockClass()))) {
            entry.getKey().acquisitions.add(acquisition);
            break;
          }
        }
      }
    }
  }

  /**
   * {@code candidates} in the order of a level: anchored first, then those holding locks, then by
   * key. When ids and units are ranked, most of that order is one of numbers: a sort of (anchored,
   * holding, id rank, unit rank, position) packed in a long, then of each run of one anchoredness,
   * holding, id and unit by key.
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
      keys[i] = (candidate.anchor != null ? 0L : 1L << 62) | (candidate.heldKey.text.isEmpty() ? 1L << 61 : 0L)
          | (long) rank << 41 | (long) candidate.unit.rank << 21 | i;
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
    if (n > 1 << 20) {
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

  /**
   * Whether monitors of static types {@code type} and {@code other} in one acquisition are of one
   * kind: the same static type, or one a subtype of the other with a runtime type they may share
   * ({@code a} and {@code b} are their candidate types).
   */
  private boolean sameKind(String type, String other, String[] a, String[] b) {
    if (type.equals(other)) {
      return true;
    }
    return types.knows(type) && types.knows(other) && (types.isSubtype(type, other) || types.isSubtype(other, type))
        && common(a, b).length > 0;
  }

  /** Whether {@code type} is one of {@code types}. */
  private static boolean contains(String[] types, String type) {
    for (String candidate : types) {
      if (candidate.equals(type)) {
        return true;
      }
    }
    return false;
  }

  /** The types in both {@code a} and {@code b}, in {@code a}'s order. */
  private static String[] common(String[] a, String[] b) {
    String[] both = new String[Math.min(a.length, b.length)];
    int n = 0;
    for (String type : a) {
      for (String other : b) {
        if (type.equals(other)) {
          both[n++] = type;
          break;
        }
      }
    }
    return Arrays.copyOf(both, n);
  }

  /**
   * The runtime type of the object named {@code instance} (in the root's terms) as a context on
   * the chain knows it: the receiver of a call that ran a body of a known type, an argument of a
   * known type. An object a caller locks and then calls a method on is of the type that method
   * was dispatched for.
   */
  private static String knownType(Context context, String instance) {
    if (instance == null) {
      return null;
    }
    for (Context on = context; on != null; on = on.parent) {
      Frame frame = on.frame;
      if (frame.thisType != null && instance.equals(frame.receiver)) {
        return frame.thisType;
      }
      for (Binding binding : frame.bindings) {
        if (binding.type != null && instance.equals(binding.instance)) {
          return binding.type;
        }
      }
    }
    return null;
  }

  /**
   * A type the object named {@code instance} (in the root's terms) is known to be of, narrower than
   * its monitor's static type {@code staticType}, where a context on the chain knows no runtime
   * type for it: the bound of a call's receiver run for a narrower static type (the {@code this} of
   * {@code AbstractFilterable.addFilter} run for a {@code LoggerConfig}). Null when none is.
   */
  private String knownBound(Context context, String instance, String staticType) {
    if (instance == null) {
      return null;
    }
    for (Context on = context; on != null; on = on.parent) {
      Frame frame = on.frame;
      String thisBound = instance.equals(frame.receiver) ? frame.knownBound("this") : null;
      if (narrower(thisBound, staticType)) {
        return thisBound;
      }
      for (Binding binding : frame.bindings) {
        if (instance.equals(binding.instance) && narrower(binding.bound, staticType)) {
          return binding.bound;
        }
      }
    }
    return null;
  }

  /** Whether {@code bound} is a type of the program below {@code staticType}. */
  private boolean narrower(String bound, String staticType) {
    return bound != null && !bound.equals(staticType) && types.isSubtype(bound, staticType);
  }

  /**
   * Of {@code candidates}, the types the object named {@code instance} may have when it is reached
   * through the fields of objects running on {@code context}'s chain: not the class of any of them.
   * A wrapper's delegate is of another class, unless the program wraps a wrapper in one of its
   * own kind (the rule {@link #classOnChain} applies to calls). All of them when none is left.
   */
  private static String[] delegateTypes(Context context, String instance, String[] candidates) {
    if (instance == null || candidates.length < 2) {
      return candidates;
    }
    String[] kept = candidates;
    int n = candidates.length;
    for (Context on = context; on != null; on = on.parent) {
      String receiver = on.frame.receiver;
      if (receiver == null || !Frame.isFieldPath(instance, receiver)) {
        continue;
      }
      String running = runningType(on);
      for (int i = 0; i < n; i++) {
        if (kept[i].equals(running)) {
          if (kept == candidates) {
            kept = candidates.clone();
          }
          kept[i] = kept[--n];
          break;
        }
      }
    }
    if (n == 0 || n == candidates.length) {
      return candidates;
    }
    String[] left = Arrays.copyOf(kept, n);
    Arrays.sort(left);
    return left;
  }

  /** Notes that {@code body} met {@code bound}; each bound reached is said once, naming its bodies. */
  private void limit(String bound, Body body) {
    limits.computeIfAbsent(bound, b -> new TreeMap<>())
        .putIfAbsent(body.summary.method(), body.summary.context().declaredAt());
  }

  /** Notes the contexts bound once per body: a full body is met again at every call of it. */
  private void contextsFull(Body body) {
    if (!body.contextsFull) {
      body.contextsFull = true;
      limit(CONTEXTS_BOUND, body);
    }
  }

  /** One {@link Limit} per bound reached, at the first body that met it (by name), naming the others. */
  private List<Limit> limits() {
    List<Limit> said = new ArrayList<>();
    limits.forEach(
        (bound, bodies) -> {
          StringBuilder message = new StringBuilder("[composition bound] ").append(bound).append(": ");
          int named = 0;
          for (String method : bodies.keySet()) {
            if (named == LIMIT_NAMES) {
              message.append(" and ").append(bodies.size() - named).append(" more");
              break;
            }
            message.append(named++ == 0 ? "" : ", ").append(method);
          }
          said.add(new Limit(bodies.firstEntry().getValue(), message.toString()));
        });
    return said;
  }

  /** The live calls of {@code body}, computed on first use. */
  private LiveCall[] liveCalls(Body body) {
    if (body.liveCalls == null) {
      body.liveCalls = findLiveCalls(body);
    }
    return body.liveCalls;
  }

  private void emit(Context context) {
    List<MethodSummary.Acquisition> acquisitions = context.body.summary.acquisitions();
    if (acquisitions.isEmpty()) {
      return;
    }
    List<ComposedAcquisition> unit =
        context.body.outside
            ? outsideUses.computeIfAbsent(context.unit, u -> new ArrayList<>())
            : context.unit.acquisitions;
    Frame frame = context.frame;
    IrqState irq = context.state.irqOrOrderOnly();
    for (int i = 0, n = acquisitions.size(); i < n; i++) {
      MethodSummary.Acquisition acquisition = acquisitions.get(i);
      if (frame.refutes(acquisition.guards())) {
        continue;
      }
      String initialized = acquisition.next().lockClass().initializedClass();
      // A class used with nothing held orders nothing before its initialization, which has no irq
      // usage: such a fact would only be one of the many uses of a class.
      if (initialized != null
          && (idleInitialization(acquisition.next()) || acquisition.held().isEmpty() && context.held.isEmpty()
              || initializedOnChain(context, initialized))) {
        continue;
      }
      List<HeldLock> held = held(withoutReleased(context.held, acquisition.released(), frame), acquisition.held(), frame);
      if (held.isEmpty() && initialized != null) {
        continue;
      }
      // The chain is built here, not for the bodies whose acquisitions all drop above.
      Provenance at = context.parent == null ? acquisition.at() : acquisition.at().withCallChain(context.chain());
      HeldLock taken = returned(acquisition.next(), frame);
      HeldLock next = frame.map(taken, at, types);
      // A getter's lock on this object is named as the getter names it: its class's enclosing
      // instances are the object's.
      String receiver = returnedBy(acquisition.next());
      Body getter = taken == acquisition.next() || !"this".equals(receiver)
          ? null
          : getter(acquisition.next(), receiver, frame);
      ReachedOwner owner = owner(getter != null ? getter : context.body, taken.instance(), frame);
      compose(
          unit, held, ownersLock(held, next, frame.owners, owner), irq, context,
          finishedInitializations(context, held));
    }
  }

  /**
   * Finds the class initializations ({@link LockClass#initializedClass}) that may close a cycle:
   * those under which something else runs (a lock taken, a call of a producer, in a static
   * initializer), those on a cycle of initializations alone (a superclass's static initializer
   * using a subclass, whose initialization takes the superclass's; a link of it may be a call,
   * {@link #initializationsTaken}), and those under which one of these is taken. The others are
   * held for an instant and wait for nothing another thread can hold while it waits for them:
   * their acquisitions are left out, so that a body using such a class is no producer for that.
   */
  private void findLiveInitializations() {
    Map<String, Set<String>> nested = new HashMap<>();
    Set<String> live = new HashSet<>();
    Set<String> holders = initializationHolders();
    for (Body body : bodies) {
      for (MethodSummary.Acquisition acquisition : body.summary.acquisitions()) {
        LockClass next = acquisition.next().lockClass();
        for (HeldLock held : acquisition.held()) {
          if (held.lockClass().initializedClass() != null) {
            if (next.initializedClass() == null) {
              live.add(held.lockClass().key());
            } else {
              nested.computeIfAbsent(held.lockClass().key(), k -> new HashSet<>()).add(next.key());
            }
          }
        }
      }
      List<MethodSummary.CallSite> calls = body.summary.calls();
      for (int i = 0; i < calls.size(); i++) {
        MethodSummary.CallSite call = calls.get(i);
        for (HeldLock held : call.held()) {
          if (held.lockClass().initializedClass() != null) {
            if (callsCallbacks(call) || anyProducer(body.targets[i])) {
              live.add(held.lockClass().key());
            }
            // Initializations the call's bodies take, through calls of their own: a cycle of
            // initializations alone may have a call as a link (a static initializer calling a
            // builder that makes an object of a class whose initialization needs this one).
            for (Body target : body.targets[i]) {
              Set<String> taken = initializationsTaken(target, holders);
              if (!taken.isEmpty()) {
                nested.computeIfAbsent(held.lockClass().key(), k -> new HashSet<>()).addAll(taken);
              }
            }
          }
        }
      }
    }
    for (String initialization : nested.keySet()) {
      if (reaches(nested, initialization, initialization)) {
        live.add(initialization);
      }
    }
    for (boolean changed = true; changed; ) {
      changed = false;
      for (Map.Entry<String, Set<String>> from : nested.entrySet()) {
        if (!live.contains(from.getKey()) && !Collections.disjoint(from.getValue(), live)) {
          live.add(from.getKey());
          changed = true;
        }
      }
    }
    liveInitializations = live;
  }

  /**
   * Finds, per class of the program's bodies, the live class initializations its code has done
   * ({@link #initializedBy}), once the live ones are known.
   */
  private void findInitializedBy() {
    Map<String, LockClass> initializations = new TreeMap<>();
    for (Body body : bodies) {
      for (MethodSummary.Acquisition acquisition : body.summary.acquisitions()) {
        LockClass next = acquisition.next().lockClass();
        if (liveInitializations.contains(next.key())) {
          initializations.putIfAbsent(next.key(), next);
        }
      }
    }
    // The classes of the bodies, once each (a class has many bodies), in the bodies' order.
    Set<String> owners = new LinkedHashSet<>();
    for (Body body : bodies) {
      if (body.id.owner != null) {
        owners.add(body.id.owner);
      }
    }
    Map<String, List<LockClass>> by = new TreeMap<>();
    initializations.forEach(
        (key, lockClass) -> {
          for (String owner : codeOf(lockClass.initializedClass(), owners)) {
            by.computeIfAbsent(owner, o -> new ArrayList<>()).add(lockClass);
          }
        });
    by.forEach((owner, classes) -> initializedBy.put(owner, classes.toArray(NO_CLASSES)));
  }

  /**
   * The keys of the class initializations {@code body} takes, and the bodies it calls do, among
   * {@code holders} (only an initialization under which another is taken can be on a cycle of
   * them), found once per body ({@link #initializationsTaken}) by a walk of the calls with a stack
   * of its own (call chains are deep). A body met again on a recursive path gives what is known of
   * it so far: its other paths give the rest.
   */
  private Set<String> initializationsTaken(Body body, Set<String> holders) {
    Set<String> known = initializationsTaken.get(body);
    if (known != null) {
      return known;
    }
    ArrayDeque<Body> bodiesOnPath = new ArrayDeque<>();
    ArrayDeque<int[]> positions = new ArrayDeque<>();
    enterTaking(body, holders, bodiesOnPath, positions);
    while (!bodiesOnPath.isEmpty()) {
      Body top = bodiesOnPath.peek();
      int[] at = positions.peek();
      if (at[0] == top.targets.length) {
        bodiesOnPath.pop();
        positions.pop();
        if (!bodiesOnPath.isEmpty()) {
          initializationsTaken.get(bodiesOnPath.peek()).addAll(initializationsTaken.get(top));
        }
      } else if (at[1] == top.targets[at[0]].length) {
        at[0]++;
        at[1] = 0;
      } else {
        Body target = top.targets[at[0]][at[1]++];
        Set<String> done = initializationsTaken.get(target);
        if (done != null) {
          initializationsTaken.get(top).addAll(done);
        } else {
          enterTaking(target, holders, bodiesOnPath, positions);
        }
      }
    }
    return initializationsTaken.get(body);
  }

  private void enterTaking(Body body, Set<String> holders, ArrayDeque<Body> bodiesOnPath, ArrayDeque<int[]> positions) {
    Set<String> found = new HashSet<>();
    for (MethodSummary.Acquisition acquisition : body.summary.acquisitions()) {
      String key = acquisition.next().lockClass().key();
      if (acquisition.next().lockClass().initializedClass() != null && holders.contains(key)) {
        found.add(key);
      }
    }
    initializationsTaken.put(body, found);
    bodiesOnPath.push(body);
    positions.push(new int[2]);
  }

  /** The keys of the class initializations held where something is taken or called, found once. */
  private Set<String> initializationHolders() {
    if (initializationHolders != null) {
      return initializationHolders;
    }
    Set<String> holders = new HashSet<>();
    for (Body body : bodies) {
      for (MethodSummary.Acquisition acquisition : body.summary.acquisitions()) {
        addInitializations(acquisition.held(), holders);
      }
      for (MethodSummary.CallSite call : body.summary.calls()) {
        addInitializations(call.held(), holders);
      }
    }
    initializationHolders = holders;
    return holders;
  }

  private static void addInitializations(List<HeldLock> held, Set<String> into) {
    for (HeldLock lock : held) {
      if (lock.lockClass().initializedClass() != null) {
        into.add(lock.lockClass().key());
      }
    }
  }

  private static boolean anyProducer(Body[] bodies) {
    for (Body body : bodies) {
      if (body.producer) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code target} is reachable from {@code start} along one or more of {@code edges}. */
  private static boolean reaches(Map<String, Set<String>> edges, String start, String target) {
    Set<String> seen = new HashSet<>();
    ArrayDeque<String> work = new ArrayDeque<>(edges.getOrDefault(start, Set.of()));
    while (!work.isEmpty()) {
      String node = work.pop();
      if (node.equals(target)) {
        return true;
      }
      if (seen.add(node)) {
        work.addAll(edges.getOrDefault(node, Set.of()));
      }
    }
    return false;
  }

  /** Whether {@code lock} is a class initialization that closes no cycle ({@link #findLiveInitializations}). */
  private boolean idleInitialization(HeldLock lock) {
    LockClass lockClass = lock.lockClass();
    return lockClass.initializedClass() != null && !liveInitializations.contains(lockClass.key());
  }

  /**
   * Whether the code running on {@code context}'s chain has initialized the class {@code
   * initialized}: a body of the class or of a subclass, or of an anonymous or local class written
   * in one, is on the chain ({@link #codeOf}). Such code runs only once the class's initialization
   * has finished or is running on this thread, so a use of the class there waits for nothing (a
   * static method of a configuration class reaching, through a helper of another class, a use of
   * the configuration class).
   */
  private boolean initializedOnChain(Context context, String initialized) {
    for (LockClass lockClass : initializedOnChain(context)) {
      if (lockClass.initializedClass().equals(initialized)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The locks of the live class initializations whose class the code running on {@code
   * context}'s chain has initialized ({@link #initializedBy}), found once per context.
   */
  private LockClass[] initializedOnChain(Context context) {
    if (context.initialized == null) {
      LockClass[] inherited = context.parent == null ? NO_CLASSES : initializedOnChain(context.parent);
      String owner = context.body.id.owner;
      LockClass[] own = owner == null ? null : initializedBy.get(owner);
      context.initialized = own == null ? inherited : union(inherited, own);
    }
    return context.initialized;
  }

  private static LockClass[] union(LockClass[] a, LockClass[] b) {
    List<LockClass> all = new ArrayList<>(Arrays.asList(a));
    for (LockClass lockClass : b) {
      if (!all.contains(lockClass)) {
        all.add(lockClass);
      }
    }
    return all.size() == a.length ? a : all.toArray(NO_CLASSES);
  }

  /**
   * Of the classes initialized on {@code context}'s chain, those whose initialization is over:
   * not held in {@code held}, which it is where this thread runs the class's static initializer.
   */
  private Set<LockClass> finishedInitializations(Context context, List<HeldLock> held) {
    LockClass[] initialized = initializedOnChain(context);
    if (initialized.length == 0) {
      return Set.of();
    }
    List<LockClass> finished = new ArrayList<>(initialized.length);
    for (LockClass lockClass : initialized) {
      if (!heldClass(held, lockClass)) {
        finished.add(lockClass);
      }
    }
    if (finished.size() < initialized.length) {
      return Set.copyOf(finished);
    }
    // The usual case, nothing of it held: one set per chain's classes, shared by its facts.
    return finishedSets.computeIfAbsent(initialized, i -> Set.of(i));
  }

  /**
   * The classes of the program's bodies whose code runs only once class {@code type} is
   * initialized: it and its subclasses, and the anonymous and local classes written in those.
   * Found once per class, over {@code owners}, the classes of the bodies.
   */
  private Set<String> codeOf(String type, Set<String> owners) {
    Set<String> code = initializedCode.get(type);
    if (code == null) {
      code = new HashSet<>();
      for (String owner : owners) {
        for (String outer = owner; outer != null && !code.contains(owner); outer = ClassHierarchy.writtenIn(outer)) {
          if (types.isSubtype(outer, type)) {
            code.add(owner);
          }
        }
      }
      initializedCode.put(type, code);
    }
    return code;
  }

  /**
   * The name, in the root's terms, of the object that {@code instance}, a name of {@code body},
   * reaches through the back-pointers ({@link TypeFlow#backPointer}) of {@code body}'s own object
   * or of a parameter's (of every type the flow brings to it): {@code this.f} of {@code
   * this.f.rest}, {@code this.f.g} when {@code g} is a back-pointer of every object {@code f}
   * holds, and so on; {@code local:p.f} alike. Null when there is none.
   */
  private ReachedOwner owner(Body body, String instance, Frame frame) {
    if (instance == null) {
      return null;
    }
    if (body.ownerPaths == null) {
      body.ownerPaths = new HashMap<>();
    }
    OwnerPath path = body.ownerPaths.get(instance);
    if (path == null) {
      path = ownerPath(body, instance);
      body.ownerPaths.put(instance, path);
    }
    ReachedOwner reached =
        path.end() == path.root() ? null : reached(instance, path.root(), path.end(), path.holders(), frame);
    // An inner object's enclosing instance is the object it belongs to, by construction: a hop of
    // its own where the caller does not name that instance (an inner object read back from a
    // collection, whose frame knows it by the element's name only), unless objects of the
    // enclosing class hold such inner objects (a child's callback kept by its parent).
    return reached == null && path.enclosing() >= 0 && path.holders() != null
        ? reached(instance, path.enclosing(), path.end(), path.holders(), frame)
        : reached;
  }

  /**
   * What {@link #owner} finds of {@code instance} in {@code body} whatever the frame: the back-pointers
   * it goes through, from its character {@code root} to {@code end}, to an object of one of {@code
   * holders}; where the enclosing instances' hops start when they are back-pointers by
   * construction, else -1. Found once per body and name, as every frame of the body asks it.
   */
  record OwnerPath(int root, int end, String[] holders, int enclosing) {
    static final OwnerPath NONE = new OwnerPath(0, 0, null, -1);
  }

  /** The {@link OwnerPath} of {@code instance} in {@code body}: {@link OwnerPath#NONE} where it reaches no owner. */
  private OwnerPath ownerPath(Body body, String instance) {
    String[] holders;
    int root;
    int enclosing = -1;
    if (instance.startsWith("this.")) {
      String type = ClassHierarchy.owner(body.id.text);
      root = 4;
      boolean ownedByConstruction = true;
      // The enclosing instance of an inner, local or anonymous class (this.this$Outer) is of the
      // enclosing class; its back-pointers start from it.
      while (type != null && instance.startsWith("this$", root + 1)) {
        int dot = instance.indexOf('.', root + 1);
        String outer = enclosing(type, instance.substring(root + 6, dot < 0 ? instance.length() : dot));
        ownedByConstruction &= outer != null && !flow.heldByItsOuterKind(type, outer);
        type = outer;
        root = dot < 0 ? instance.length() : dot;
        enclosing = ownedByConstruction ? 4 : -1;
      }
      // An enclosing instance is of its class or a subclass: the body that created the inner
      // object may be inherited (a heartbeat thread started by a consumer coordinator).
      holders = type == null ? null
          : enclosing < 0 ? new String[] {type} : union(new String[] {type}, types.concreteSubtypes(type));
    } else if (instance.startsWith(MethodSummary.LOCAL)) {
      // A parameter's field: of the types the flow brings to the parameter.
      root = instance.indexOf('.');
      holders = root < 0 ? null
          : flow.parameterTypes(body, body.summary.parameters().indexOf(instance.substring(0, root)));
    } else {
      return OwnerPath.NONE;
    }
    int end = root;
    while (holders != null && end < instance.length()) {
      int dot = instance.indexOf('.', end + 1);
      int after = dot < 0 ? instance.length() : dot;
      String field = instance.substring(end + 1, after);
      String[] held = null;
      for (String holder : holders) {
        String[] types = flow.backPointer(holder, field);
        if (types == null || types.length == 0) {
          held = null;
          break;
        }
        held = held == null ? types : union(held, types);
      }
      if (held == null) {
        break;
      }
      holders = held;
      end = after;
    }
    return new OwnerPath(root, end, holders, enclosing);
  }

  /**
   * The owner {@code instance} reaches through the hops between {@code root} and {@code end}, of
   * {@code types}, as {@code frame} names it; null when the frame names it otherwise.
   */
  private static ReachedOwner reached(String instance, int root, int end, String[] types, Frame frame) {
    // The object a constructor's argument bound a field to is named as its creator names it, not
    // through the field.
    String hops = instance.substring(root, end);
    String owner = frame.mapInstance(instance.substring(0, end));
    return owner != null && owner.endsWith(hops) && owner.length() > hops.length()
        ? new ReachedOwner(owner, owner.length() - hops.length(), Arrays.asList(types))
        : null;
  }

  /** Whether {@code field} is the inverse of a back-pointer ({@link TypeFlow#inverse}) for each of {@code types}. */
  private boolean inverseOfAll(List<String> types, String field) {
    for (String type : types) {
      if (!flow.inverse(type, field)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The class named {@code simpleName} that encloses the class {@code type} ({@code pkg.Outer} of
   * {@code pkg.Outer$4} or {@code pkg.Outer.Inner}), or null.
   */
  private static String enclosing(String type, String simpleName) {
    for (int at = type.lastIndexOf(simpleName); at > 0; at = type.lastIndexOf(simpleName, at - 1)) {
      int end = at + simpleName.length();
      char before = type.charAt(at - 1);
      if ((before == '.' || before == '$') && end < type.length() && (type.charAt(end) == '.' || type.charAt(end) == '$')) {
        return type.substring(0, end);
      }
    }
    return null;
  }

  /** {@code a} and the names of {@code b} it lacks, in name order. */
  private static String[] union(String[] a, String[] b) {
    TreeSet<String> all = new TreeSet<>(Arrays.asList(a));
    all.addAll(Arrays.asList(b));
    return all.size() == a.length ? a : all.toArray(NO_NAMES);
  }

  /**
   * {@code next}, taken as the held lock it is when it is reached through back-pointers: an
   * object that {@code owners} or {@code owner} names ({@link #owner}), {@code p.f} for a
   * back-pointer {@code f}, is the object that {@code p} belongs to. Taking a lock of it ({@code
   * p.f.rest}) while a lock of its class is held on another object by the same path ({@code
   * h.rest}) is taken as re-entering that lock: the owner reaching back into what it owns
   * ({@code synchronized} database code calling into a session that locks {@code
   * session.database}). When {@code h} is {@code p}, or an object on the back-pointers from where
   * they start to {@code p}, the owner is another object ({@code this.parent} or {@code
   * this.parent.parent} under {@code this}), and the lock stays another.
   */
  private HeldLock ownersLock(List<HeldLock> held, HeldLock next, ReachedOwner[] owners, ReachedOwner owner) {
    if (next.instance() == null || held.isEmpty()) {
      return next;
    }
    HeldLock same = owner == null ? null : heldOwner(held, next, owner);
    for (int i = 0; i < owners.length && same == null; i++) {
      same = heldOwner(held, next, owners[i]);
    }
    return same == null ? next : same;
  }

  /**
   * {@code next} as the held lock it is through {@code reached} ({@link #ownersLock}), or null. A field of the owner that is the inverse of a back-pointer ({@link TypeFlow#inverse})
   * leads back to the held object: {@code consumer.session.executor} is the executor whose monitor
   * is held, when it is of the class of the lock taken.
   */
  private HeldLock heldOwner(List<HeldLock> held, HeldLock next, ReachedOwner reached) {
    String owner = reached.name();
    String instance = next.instance();
    if (!Frame.within(instance, owner)) {
      return null;
    }
    int start = reached.start();
    String rest = instance.substring(owner.length());
    int dot = rest.indexOf('.', 1);
    String inverse = rest.isEmpty() ? null : rest.substring(1, dot < 0 ? rest.length() : dot);
    if (inverse != null && inverseOfAll(reached.types(), inverse)) {
      // The owner's field holds the object that leads to it: what follows the field is of that object.
      rest = dot < 0 ? "" : rest.substring(dot);
    }
    // The oldest hold of the class is the one lockdep's check meets first.
    for (int i = 0; i < held.size(); i++) {
      HeldLock lock = held.get(i);
      boolean sameClass = lock.lockClass().key().equals(next.lockClass().key());
      if (!sameClass && !storedAs(next.lockClass(), lock.lockClass()) && !sameLockOfOneOwner(lock, next, reached)) {
        continue;
      }
      String name = lock.instance();
      if (name == null || !name.endsWith(rest)) {
        return null;
      }
      String holder = name.substring(0, name.length() - rest.length());
      boolean onTheWay = holder.length() >= start && Frame.isFieldPath(owner, holder);
      return !holder.isEmpty() && !onTheWay && !holder.equals(owner)
          ? new HeldLock(sameClass ? next.lockClass() : lock.lockClass(), next.read(), next.trylock(), name, next.acquiredAt())
          : null;
    }
    return null;
  }

  /**
   * Whether {@code held} and {@code next}, of two classes, are one lock of the owner {@code
   * reached} seen as two of the types it may have: both its monitor, or both its field of one name
   * declared in each type ({@code NewProxyStatement.myProxyResultSets} and {@code
   * NewProxyPreparedStatement.myProxyResultSets} of a result set's creator). The owner reached
   * back is the held object, whose one runtime type declares one of them; the other is that object
   * under a type the flow also lets the back-pointer have.
   */
  private boolean sameLockOfOneOwner(HeldLock held, HeldLock next, ReachedOwner reached) {
    LockClass a = held.lockClass();
    LockClass b = next.lockClass();
    // A monitor's class is its object's type: the static one (typed) or the runtime one the
    // analysis knows, named by a type of the program.
    if ((a.typed() || types.knows(a.key())) && (b.typed() || types.knows(b.key()))) {
      return ownerMayBe(reached, a.key()) && ownerMayBe(reached, b.key());
    }
    String ka = a.key();
    String kb = b.key();
    int da = ka.lastIndexOf('.');
    int db = kb.lastIndexOf('.');
    return !a.typed() && !b.typed() && da > 0 && db > 0
        && ka.regionMatches(da, kb, db, Math.max(ka.length() - da, kb.length() - db))
        && ownerMayBe(reached, ka.substring(0, da)) && ownerMayBe(reached, kb.substring(0, db));
  }

  /** Whether an object of one of {@code reached}'s types is a {@code type}. */
  private boolean ownerMayBe(ReachedOwner reached, String type) {
    for (String candidate : reached.types()) {
      if (types.isSubtype(candidate, type)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code held}, a caller's stack, without the locks a callee {@code released} (as {@code frame}
   * maps them): for each, the topmost entry of its class and object, else the topmost of its
   * class. A body that lets go of its caller's hold for a while ({@code unlock(); try { ... }
   * finally { lock(); }}) runs what follows without it. A release by a thread that does not hold
   * the lock throws, so the lock released is one the callers hold, however they name it.
   */
  private List<HeldLock> withoutReleased(List<HeldLock> held, List<HeldLock> released, Frame frame) {
    if (released.isEmpty() || held.isEmpty()) {
      return held;
    }
    List<HeldLock> left = new ArrayList<>(held);
    for (int r = 0; r < released.size(); r++) {
      HeldLock lock = mapped(released.get(r), released.get(r).acquiredAt(), frame);
      int match = -1;
      for (int i = left.size() - 1; i >= 0; i--) {
        HeldLock entry = left.get(i);
        if (!entry.lockClass().equals(lock.lockClass())) {
          continue;
        }
        if (Objects.equals(entry.instance(), lock.instance())) {
          match = i;
          break;
        }
        if (match < 0) {
          // The topmost of its class, unless the same object is further down.
          match = i;
        }
      }
      if (match >= 0) {
        left.remove(match);
      }
    }
    return left.size() == held.size() ? held : left;
  }

  /** The key of the held stack {@code held}. */
  private HeldKey heldKey(List<HeldLock> held) {
    HeldKey key = noLocks;
    for (int i = 0; i < held.size(); i++) {
      key = extend(key, lockText(held.get(i)));
    }
    return key;
  }

  /**
   * A new list of {@code held} and then {@code own} as {@code frame} maps them, but for the
   * re-entries of locks already on it ({@link #push}).
   */
  private List<HeldLock> held(List<HeldLock> held, List<HeldLock> own, Frame frame) {
    List<HeldLock> all = new ArrayList<>(held.size() + own.size());
    all.addAll(held);
    for (int i = 0, n = own.size(); i < n; i++) {
      HeldLock lock = own.get(i);
      push(all, mapped(lock, lock.acquiredAt(), frame));
    }
    return all;
  }

  /**
   * Puts {@code lock} on the held stack {@code held} unless it re-enters a lock the stack already
   * holds ({@link HeldLock#reentry}); returns whether it did. A re-entry waits for nothing and
   * leaves the stack as it was: pushed again, it would be the top that orders what comes next in
   * place of the locks taken after the first hold (lockdep records an order from the top blocking
   * lock only), and every path that re-enters a monitor through recursion would be one more stack.
   */
  private static boolean push(List<HeldLock> held, HeldLock lock) {
    if (HeldLock.reentry(held, lock)) {
      return false;
    }
    held.add(lock);
    return true;
  }

  /**
   * Adds the acquisition of {@code next} under {@code held} to {@code into}: once, or once per
   * class a lock field's constructors gave it ({@link #findStoredLocks}) and, where a monitor's
   * object is of a type the walk does not know, once per concrete type it may have.
   * Objects of one static type, or of static types one of which is a subtype of the other, in
   * one acquisition are given one runtime type: a program nests the objects of one collection or
   * one role, which are of one kind, and giving each its own
   * type would make up orders between kinds that never meet. Lock classes leave composition with
   * their types decided.
   */
  private void compose(
      List<ComposedAcquisition> into, List<HeldLock> held, HeldLock next, IrqState irq, Context context,
      Set<LockClass> initialized) {
    if (stored.isEmpty()) {
      composeTypes(into, held, next, irq, context, initialized);
      return;
    }
    int n = held.size();
    List<List<LockClass>> classes = new ArrayList<>(n + 1);
    boolean several = false;
    boolean changed = false;
    for (int p = 0; p <= n; p++) {
      HeldLock lock = p < n ? held.get(p) : next;
      LockClass lockClass = lock.lockClass();
      List<LockClass> passed = storedClasses(lockClass);
      LockClass named = passed.size() > 1 ? namedBesides(lock, passed, held, next) : null;
      if (named != null) {
        passed = List.of(named);
      }
      classes.add(passed);
      several |= passed.size() > 1;
      changed |= passed.get(0) != lockClass;
    }
    if (!changed && !several) {
      composeTypes(into, held, next, irq, context, initialized);
      return;
    }
    // Per position, its group: the first position of the same field of the same object, which
    // holds one lock, whichever class each combination gives it.
    int[] group = new int[n + 1];
    for (int p = 0; p <= n; p++) {
      group[p] = p;
      HeldLock lock = p < n ? held.get(p) : next;
      for (int q = 0; q < p && lock.instance() != null && classes.get(p).size() > 1; q++) {
        HeldLock other = held.get(q);
        if (lock.instance().equals(other.instance()) && lock.lockClass().key().equals(other.lockClass().key())) {
          group[p] = group[q];
          break;
        }
      }
    }
    int[] choice = new int[n + 1];
    for (int made = 0; ; made++) {
      if (made == MAX_COMBINATIONS) {
        limit(COMBINATIONS_BOUND, context.body);
        return;
      }
      List<HeldLock> resolved = new ArrayList<>(n);
      for (int p = 0; p < n; p++) {
        resolved.add(withClass(held.get(p), classes.get(p).get(choice[group[p]])));
      }
      composeTypes(into, resolved, withClass(next, classes.get(n).get(choice[group[n]])), irq, context, initialized);
      // The next combination: an odometer over the groups' choices.
      int p = n;
      for (; p >= 0; p--) {
        if (group[p] == p && classes.get(p).size() > 1) {
          if (++choice[p] < classes.get(p).size()) {
            break;
          }
          choice[p] = 0;
        }
      }
      if (p < 0) {
        return;
      }
    }
  }

  /**
   * Of {@code classes}, the classes a lock keyed by the method that returned it may be, the one
   * whose getter's lock on the same object the acquisition names besides ({@code
   * entity.subsegmentsLock} held, {@code entity.getSubsegmentsLock()} taken): that object's lock is
   * of one class. Null where none is named so.
   */
  private LockClass namedBesides(HeldLock lock, List<LockClass> classes, List<HeldLock> held, HeldLock next) {
    for (LockClass candidate : classes) {
      String instance = returnedName(lock, candidate);
      for (int i = 0, n = held.size(); i <= n && instance != null; i++) {
        HeldLock other = i < n ? held.get(i) : next;
        if (other != lock && instance.equals(other.instance()) && other.lockClass().key().equals(candidate.key())) {
          return candidate;
        }
      }
    }
    return null;
  }

  /**
   * {@code lock} as a lock of {@code lockClass}, one of its {@link #storedClasses}; a lock keyed by
   * the method that returned it, as a getter's lock, is named as that getter names it.
   */
  private HeldLock withClass(HeldLock lock, LockClass lockClass) {
    if (lockClass == lock.lockClass()) {
      return lock;
    }
    String returned = returnedName(lock, lockClass);
    return new HeldLock(
        lockClass, lock.read(), lock.trylock(), returned != null ? returned : lock.instance(), lock.acquiredAt());
  }

  /**
   * The name of {@code lock}, a lock keyed by the method that returned it, as a lock of {@code
   * lockClass}: as the getter that returns that class names it, on the same object; else null.
   */
  private String returnedName(HeldLock lock, LockClass lockClass) {
    String receiver = returnedBy(lock);
    Map<LockClass, String> named = receiver == null ? null : returnedInstances.get(lock.lockClass().key());
    String returned = named == null ? null : named.get(lockClass.withSubclass(0));
    return returned == null ? null : rebase(returned, receiver);
  }

  /** {@code instance}, a name of a body's own object's ({@code this.f}), as named on {@code receiver}. */
  private static String rebase(String instance, String receiver) {
    return instance.equals("this") || instance.startsWith("this.")
        ? receiver + instance.substring("this".length())
        : instance;
  }

  /** Composes an acquisition once per combination of the runtime types of its monitors of unknown type. */
  private void composeTypes(
      List<ComposedAcquisition> into, List<HeldLock> held, HeldLock next, IrqState irq, Context context,
      Set<LockClass> initialized) {
    int n = held.size();
    int typed = next.lockClass().typed() ? 1 : 0;
    for (int i = 0; i < n; i++) {
      typed += held.get(i).lockClass().typed() ? 1 : 0;
    }
    if (typed == 0) {
      into.add(new ComposedAcquisition(held, next, irq, context.suppressed, context.anchor, initialized));
      return;
    }
    HeldLock[] locks = held.toArray(new HeldLock[n + 1]);
    locks[n] = next;
    typed = 0;
    String[] known = new String[n + 1];
    // Per position, the types the type flow says reach the monitor, where the chain knows none.
    String[][] flowed = new String[n + 1][];
    // Per position, a type the chain knows the object is of, where it knows no runtime type.
    String[] bounds = new String[n + 1];
    for (int p = 0; p <= n; p++) {
      HeldLock lock = locks[p];
      if (lock.lockClass().typed()) {
        known[p] = knownType(context, lock.instance());
        if (known[p] == null) {
          bounds[p] = knownBound(context, lock.instance(), lock.lockClass().key());
          flowed[p] = flow.monitor(lock.acquiredAt(), bounds[p] != null ? bounds[p] : lock.lockClass().key());
          known[p] = flowed[p] != null && flowed[p].length == 1 ? flowed[p][0] : null;
        }
        typed += known[p] == null ? 1 : 0;
      }
    }
    for (int p = 0; p <= n && typed > 0; p++) {
      // An object of unknown type nested with the monitor of an object of a known subtype of its
      // static type is of that type too: one role, one kind.
      for (int q = 0; q <= n && known[p] == null && locks[p].lockClass().typed(); q++) {
        String other = known[q] != null ? known[q] : locks[q].lockClass().typed() ? null : locks[q].lockClass().key();
        if (other != null && types.knows(other) && types.isSubtype(other, locks[p].lockClass().key())
            && (bounds[p] == null || types.isSubtype(other, bounds[p]))
            && (flowed[p] == null || contains(flowed[p], other))) {
          known[p] = other;
          typed--;
        }
      }
    }
    for (int p = 0; p <= n; p++) {
      HeldLock lock = locks[p];
      if (known[p] != null) {
        locks[p] = new HeldLock(
            lock.lockClass().ofType(known[p], types.simpleName(known[p])), lock.read(), lock.trylock(), lock.instance(),
            lock.acquiredAt());
      }
    }
    if (typed == 0) {
      into.add(
          new ComposedAcquisition(
              Arrays.asList(Arrays.copyOf(locks, n)), locks[n], irq, context.suppressed, context.anchor,
              initialized));
      return;
    }
    // Per position, its group: the first position of the same object or of one kind (the same
    // static type, or a subtype or supertype of it), itself for the others. One object has one
    // type, whatever type each place names it by.
    int[] group = new int[n + 1];
    String[][] candidates = new String[n + 1][];
    for (int p = 0; p <= n; p++) {
      group[p] = p;
      LockClass lockClass = locks[p].lockClass();
      if (!lockClass.typed()) {
        continue;
      }
      String instance = locks[p].instance();
      String[] own = monitorTypes(bounds[p] != null ? bounds[p] : lockClass.key());
      String[] reaching = flowed[p] == null ? NO_NAMES : common(own, flowed[p]);
      if (reaching.length > 0) {
        own = reaching;
      }
      own = delegateTypes(context, instance, own);
      own = own.length == 0 ? new String[] {lockClass.key()} : own;
      candidates[p] = own;
      for (int q = 0; q < p; q++) {
        if (candidates[q] != null && (sameKind(lockClass.key(), locks[q].lockClass().key(), candidates[group[q]], own)
            || (instance != null && instance.equals(locks[q].instance())))) {
          group[p] = group[q];
          String[] narrowed = common(candidates[group[p]], own);
          if (narrowed.length > 0) {
            candidates[group[p]] = narrowed;
          }
          break;
        }
      }
    }
    long combinations = 1;
    for (int p = 0; p <= n; p++) {
      if (candidates[p] != null && group[p] == p) {
        combinations = Math.min(Long.MAX_VALUE / 1024, combinations * candidates[p].length);
      }
    }
    if (combinations > MAX_COMBINATIONS) {
      limit(COMBINATIONS_BOUND, context.body);
    }
    int[] choice = new int[n + 1];
    for (int made = 0; made < MAX_COMBINATIONS; made++) {
      HeldLock[] resolved = new HeldLock[n + 1];
      for (int p = 0; p <= n; p++) {
        HeldLock lock = locks[p];
        LockClass lockClass = lock.lockClass();
        if (lockClass.typed()) {
          String type = candidates[group[p]][choice[group[p]]];
          lock = new HeldLock(
              lockClass.ofType(type, types.simpleName(type)), lock.read(), lock.trylock(), lock.instance(), lock.acquiredAt());
        }
        resolved[p] = lock;
      }
      into.add(
          new ComposedAcquisition(
              Arrays.asList(Arrays.copyOf(resolved, n)), resolved[n], irq, context.suppressed, context.anchor,
              initialized));
      // The next combination: an odometer over the groups' choices.
      int p = n;
      for (; p >= 0; p--) {
        if (group[p] == p && candidates[p] != null) {
          if (++choice[p] < candidates[p].length) {
            break;
          }
          choice[p] = 0;
        }
      }
      if (p < 0) {
        return;
      }
    }
  }

  /**
   * What the body's calls do to the pseudo-locks: a reclaiming call outside reclaim takes and
   * releases {@code fs_reclaim} when its allocation scope allows file-system reclaim; a fence wait
   * drops the fence reader, if held, and takes and releases {@code dma_fence_map} exclusively.
   * Either one that may sleep, made in an interrupt or with irqs off, is a sleep in atomic context.
   */
  private void effects(Context context, Map<String, List<AtomicSleep>> sleeps) {
    Body body = context.body;
    if (body.effectCalls.isEmpty()) {
      return;
    }
    State state = context.state;
    Unit unit = context.unit;
    List<String> chain = context.chain();
    for (MethodSummary.CallSite call : body.effectCalls) {
      if (context.frame.refutes(call.guards())) {
        continue;
      }
      List<HeldLock> held = held(withoutReleased(context.held, call.released(), context.frame), call.held(), context.frame);
      Provenance at = chain.isEmpty() ? call.at() : call.at().withCallChain(chain);
      Gfp gfp = state.gfp.within(call.gfp());
      Set<LockClass> initialized = finishedInitializations(context, held);
      if (call.reclaim() && gfp.allowsFsReclaim() && !state.memalloc) {
        compose(
            unit.acquisitions, held, new HeldLock(LockClass.FS_RECLAIM, ReadMode.EXCLUSIVE, false, null, at),
            state.irqOrOrderOnly(), context, initialized);
      }
      if (call.fenceWait()) {
        List<HeldLock> others = new ArrayList<>(held.size());
        for (HeldLock lock : held) {
          if (!lock.lockClass().equals(LockClass.DMA_FENCE_MAP)) {
            others.add(lock);
          }
        }
        compose(
            unit.acquisitions, others, new HeldLock(LockClass.DMA_FENCE_MAP, ReadMode.EXCLUSIVE, false, null, at),
            state.irqOrOrderOnly(), context, initialized);
      }
      for (String awaited : call.awaits()) {
        BodyId id = ids.get(awaited);
        if (id != null && id.first != null && id.first.completion != null) {
          compose(
              unit.acquisitions, held, new HeldLock(id.first.completion, ReadMode.EXCLUSIVE, false, null, at),
              state.irqOrOrderOnly(), context, initialized);
        }
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
      if (body.completion != null) {
        // A task some thread waits for: its thread holds the task's completion until it returns.
        HeldLock completion = new HeldLock(body.completion, ReadMode.EXCLUSIVE, false, null, own.declaredAt());
        body.rootHeld = List.of(completion);
        body.rootKey = extend(noLocks, lockText(completion));
      }
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
    LiveCall[] live = liveCalls(caller);
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
        limit(HELD_BOUND, caller);
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
        boolean full = id.contexts >= MAX_CONTEXTS_PER_BODY || id.candidates >= MAX_CANDIDATES_PER_BODY;
        if (held == null) {
          if (memo.held == null) {
            mapHeld(memo, call, frame);
          }
          List<HeldLock> callers = withoutReleased(context.held, call.released(), frame);
          HeldKey callersKey = callers == context.held ? context.heldKey : heldKey(callers);
          if (memo.held.isEmpty()) {
            held = callers;
            heldKey = callersKey;
          } else {
            held = new ArrayList<>(callers.size() + memo.held.size());
            held.addAll(callers);
            boolean pushedAll = true;
            for (int k = 0, m = memo.held.size(); k < m; k++) {
              pushedAll &= push(held, memo.held.get(k));
            }
            heldKey = pushedAll ? memo.extend(callersKey, this) : heldKey(held);
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
        if (full && callee.contextsFull && !id.offersHeld(enteredHeld)) {
          // Where most attempts end, whatever the chain below says: a body past its bound, noted
          // as such, whose entry holds no class new to it.
          continue;
        }
        if (memo.override(j, live[i].callee) && onChain(context, id)) {
          continue;
        }
        if (j < memo.targets && memo.guessed && classOnChain(context, callee, memo.thisTypes[j], memo.receiver)) {
          continue;
        }
        if (full && !id.offerHeld(enteredHeld)) {
          contextsFull(callee);
          continue;
        }
        Frame calleeFrame = memo.frames[j];
        if (calleeFrame == null) {
          calleeFrame = frame(caller, callee, memo.receiver, memo.thisTypes[j], memo.thisBounds[j], live[i], frame);
          memo.frames[j] = calleeFrame;
        }
        if (id.root == null) {
          id.root = callee;
          root(callee);
        }
        Body root = id.root;
        if (calleeFrame.namesOnly && entered == root.rootState && sameLocks(enteredHeld, root.rootHeld)
            && rootCovers(callee, calleeFrame.thisType)) {
          // Nothing the callee's root context does not already give: with nothing held from the
          // caller, which of the caller's objects the callee's parameters are tells no lock apart.
          continue;
        }
        if (enteredHeld.size() > MAX_HELD) {
          limit(HELD_BOUND, caller);
          continue;
        }
        Unit unit = anchor == null && callee.currentUnit != null ? callee.currentUnit : context.unit;
        // The context the frame last met, when the key is its very parts, is the one the table of
        // keys met holds for it: no probe.
        Context first = calleeFrame.lastMet;
        int hash = 0;
        if (first == null || !first.sameParts(id, unit, entered, enteredKey, calleeFrame)) {
          hash = Context.hash(id, unit, entered, enteredKey, calleeFrame);
          first = find(hash, id, unit, entered, enteredKey, calleeFrame);
        }
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
          id.candidates++;
          Context successor =
              new Context(
                  callee, unit, enteredHeld, enteredKey, calleeFrame, context, live[i], suppressed, anchor, entered, hash);
          add(successor);
          candidates.add(successor);
          calleeFrame.lastMet = successor;
        } else {
          first.replace(callee, enteredHeld, calleeFrame, context, live[i], suppressed, anchor);
          calleeFrame.lastMet = first;
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
   * Whether the call's receiver, an object of unknown type reached through the fields of an
   * object running a body on {@code context}'s chain, would be of that object's class ({@code
   * thisType} of {@code body}, else the class that declares it). A call on such a receiver does not
   * run a method of that class: it is a wrapper calling its delegate, which is an object of another
   * class unless the program wraps a wrapper in one of its own kind, and class-hierarchy analysis
   * cannot tell which. An enclosing instance ({@code this.last.this$Statement}, the statement an
   * inner command belongs to) is no delegate: the inner object's class says it is of the outer
   * class.
   */
  private static boolean classOnChain(Context context, Body body, String thisType, String receiver) {
    String type = thisType != null ? thisType : body.id.owner;
    if (type == null || receiver == null || receiver.startsWith("this$", receiver.lastIndexOf('.') + 1)) {
      return false;
    }
    for (Context on = context; on != null; on = on.parent) {
      // The type first: it differs on most of the chain, and at once.
      String holder = on.frame.receiver;
      if (holder != null && type.equals(runningType(on)) && Frame.isFieldPath(receiver, holder)) {
        return true;
      }
    }
    return false;
  }

  /** The class of the object {@code context}'s body runs on: its frame's type of {@code this}, else the body's class. */
  private static String runningType(Context context) {
    return context.frame.thisType != null ? context.frame.thisType : context.body.id.owner;
  }


  /** Whether a root of {@code body} is composed with {@code thisType}, or its facts do not depend on it. */
  private boolean rootCovers(Body body, String thisType) {
    if (!body.thisSensitive) {
      return true;
    }
    for (String type : rootTypes(body)) {
      if (Objects.equals(type, thisType)) {
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
  private LiveCall[] findLiveCalls(Body body) {
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
        TypeFlow.InFrame[] arguments = new TypeFlow.InFrame[call.arguments().size()];
        for (int a = 0; a < arguments.length; a++) {
          arguments[a] = flow.argumentInFrame(body, call, a);
        }
        live[n++] = new LiveCall(
            call, targets, ids.get(call.callee()), running, flow.receiver(body, call), flow.receiverInFrame(body, call),
            arguments, producers > 0 ? flowFunctions(body, call) : List.of());
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
    if (frame.refutes(call.guards())) {
      // A call under a test of a parameter the caller passed the other constant for.
      return NO_ENTRIES;
    }
    CallMemo memo = new CallMemo();
    // Only a parameter binds callbacks, and most receivers name none.
    Binding receiver =
        call.receiver() == null || (!live.localReceiver && frame.localNames) ? null : frame.local(call.receiver());
    if (receiver != null && receiver.callbacks.length > 0) {
      // An analysed callee invoking the callback its caller passed: it runs that callback only.
      String name = name(call.callee());
      for (Bound bound : receiver.callbacks) {
        if (bound.callback.functional() || name(bound.callback.target()).equals(name)) {
          callbackEntries(bound, memo, TypeFlow.UNKNOWN);
        }
      }
      return memo.size == 0 ? NO_ENTRIES : memo;
    }
    if (live.producers.length > 0) {
      // The frames are built as contexts enter the targets.
      dispatch(live, frame, memo);
      memo.targets = memo.size;
      memo.receiver =
          live.thisReceiver && frame.receiver != null && !frame.identity ? frame.receiver : frame.mapInstance(call.receiver());
      functionEntries(live, memo);
    }
    if (call.runsCallbacks()) {
      // What the receiver holds (a collection, a stream, an optional), as the flow knows it: the
      // objects an unbound method reference it is passed runs on.
      String[] held = call.receiver() == null ? TypeFlow.UNKNOWN : receiverValue(live, frame);
      List<MethodSummary.Argument> arguments = call.arguments();
      for (int i = 0; i < arguments.size(); i++) {
        for (Bound bound : callbacks(arguments.get(i), frame)) {
          callbackEntries(bound, memo, held);
        }
      }
    }
    return memo.size == 0 ? NO_ENTRIES : memo;
  }

  /**
   * Adds to {@code memo} the producers {@code live} runs from a body in {@code frame}, each with
   * the runtime type of its {@code this} where known ({@link ClassHierarchy}): the body the
   * receiver's runtime type selects when the frame or the call knows that type; else each body
   * a subtype of the receiver's static type selects, one entry per type that selects it when
   * the body's facts depend on the type.
   */
  private void dispatch(LiveCall live, Frame frame, CallMemo memo) {
    MethodSummary.CallSite call = live.call;
    if (frame.isNull(call.receiver())) {
      // A call on a parameter its caller passed null for throws before running any body.
      return;
    }
    String receiverType = call.exactReceiver() ? call.receiverType() : frame.runtimeType(call.receiver());
    if (receiverType != null) {
      select(live, receiverType, memo);
      return;
    }
    // A receiver the caller passed as a narrower type than the callee names it by runs only what
    // that type's subtypes select; of those, only what the types that flow there select.
    String staticType = call.receiverType();
    String bound = frame.knownBound(call.receiver());
    // A bound of another branch of the hierarchy than the static type (`this` of an inherited
    // `AbstractLifeCycle.stop()` run for a `Configuration`) holds as well: the object is of both.
    String[] frameBound = null;
    if (narrower(bound, staticType)) {
      staticType = bound;
    } else if (bound != null && !bound.equals(staticType) && types.knows(bound) && !types.isSubtype(staticType, bound)) {
      frameBound = new String[] {bound};
    }
    // The flow's value of the receiver, as far as the frame knows the caller's parameters it names.
    String[] refined = live.receiverInFrame == null ? null : live.receiverInFrame.in(frame::runtimeTypes);
    // What the flow and the class hierarchy run depends on the call, the static type, the frame's
    // bound and the refined value only: found once, for every frame that dispatches the call so.
    String key = frameBound == null ? staticType : staticType + " & " + frameBound[0];
    if (refined != null) {
      key += " : " + String.join(",", refined);
    }
    CallMemo found = live.dispatched(key);
    if (found == null) {
      found = new CallMemo();
      String[] value = refined != null ? refined : live.flowed;
      String[] flowed = TypeFlow.narrowed(value, staticType, types);
      if (flowed != null && frameBound != null) {
        flowed = subtypesOfAny(flowed, frameBound);
        flowed = flowed.length == 0 ? null : flowed;
      }
      if (flowed != null && flowed.length == 1) {
        select(live, flowed[0], found);
      } else {
        // An object the flow knows only as of a type (a typed field holding what reflection made),
        // called as another type (`((LifeCycle2) filter).stop()`), is of both.
        String[] alsoOf = flowed == null ? TypeFlow.bounds(value, types) : null;
        dispatchByType(live, staticType, flowed, alsoOf, frameBound, found);
      }
      live.dispatched(key, found);
    }
    memo.guessed = found.guessed;
    memo.reserve(memo.size + found.size);
    for (int i = 0; i < found.size; i++) {
      memo.add(found.bodies[i], null, found.thisTypes[i], found.thisBounds[i]);
    }
  }

  /** Adds to {@code memo} the producer {@code live} runs on a receiver of the runtime type {@code type}. */
  private void select(LiveCall live, String type, CallMemo memo) {
    Body selected = live.call.virtual() ? types.select(type, live.call.callee()) : null;
    Body[] own = live.callee == null ? NO_BODIES : live.callee.ownTargets();
    for (Body body : selected != null ? new Body[] {selected} : own) {
      if (body.producer && takesArguments(body, live.call)) {
        memo.add(body, null, type);
      }
    }
  }

  /**
   * The bodies {@code live} runs on a receiver whose runtime type the frame does not know, of
   * static type {@code staticType} and of the types {@code flowed} (null when the flow does not
   * know them), each with the runtime type of its {@code this} where one is known. {@code alsoOf}:
   * where the flow does not know the types, those the receiver is a subtype of one of, or null;
   * {@code frameBound}: likewise, what the frame knows it is a subtype of, or null.
   */
  private void dispatchByType(
      LiveCall live, String staticType, String[] flowed, String[] alsoOf, String[] frameBound, CallMemo memo) {
    MethodSummary.CallSite call = live.call;
    String callee = call.callee();
    boolean known = types.knows(staticType);
    // A JDK method on a JDK type runs the program's overrides only for the types that flow there.
    boolean hierarchy = call.virtual() && (known || !JdkPackages.declares(callee) || flowed != null);
    memo.guessed = hierarchy && (!known || types.concreteSubtypes(staticType).length > 1);
    for (Body body : live.producers) {
      String owner = body.id.owner;
      boolean runs = body.id == live.callee;
      // An anonymous or local class runs where the flow brings its objects, or, for a receiver
      // the flow does not know, where they may have gone through library code. What the flow
      // brings is no guess: a wrapper it brings runs too.
      if (!runs && hierarchy && owner != null && (!body.id.ofLocalClass || flowed != null || flow.escapes(owner))) {
        runs = (!known || types.isSubtype(owner, staticType) || typesSelecting(body, staticType).length > 0)
            && (flowed == null ? staticType == null || !types.wraps(owner, staticType) : runsFor(flowed, owner));
      }
      if (!runs || !takesArguments(body, call)) {
        continue;
      }
      if (owner == null) {
        memo.add(body, null, null);
        continue;
      }
      // Of the types the receiver may have, those that run this body: one context per type where
      // the body's facts depend on it; else the type, when there is only one.
      String base = known && !types.isSubtype(owner, staticType) ? staticType : owner;
      String[] selecting = typesSelecting(body, base);
      if (memo.guessed && known && flowed == null) {
        String[] kept = unwrapped(selecting, staticType);
        if (kept == selecting && selecting.length > 0 && types.wraps(selecting[0], staticType)) {
          // Only wrappers run it (a wrapper inheriting the body): wrappers are not guessed.
          continue;
        }
        selecting = kept;
      }
      if (flowed != null) {
        selecting = common(selecting, flowed);
        if (selecting.length == 0) {
          continue;
        }
      }
      for (String[] bounds : new String[][] {alsoOf, frameBound}) {
        if (bounds != null) {
          selecting = subtypesOfAny(selecting, bounds);
        }
      }
      if (selecting.length == 0) {
        continue;
      }
      // Where the receiver is a guess, one context stands for every type that runs the body; an
      // inherited body run for a narrower static type, or for the few types the flow brings to the
      // receiver, knows its `this` is of each of them.
      if (selecting.length == 1 || (body.thisSensitive && selecting.length > 1 && (!memo.guessed || flowed != null))) {
        for (String type : selecting) {
          memo.add(body, null, type);
        }
      } else {
        // Its `this` keeps the narrowest bound known: the static type where the body's class is
        // not of it, or what the receiver is also known to be (a cast's operand's declared type).
        String thisBound = base.equals(owner) ? null : base;
        for (String[] bounds : new String[][] {alsoOf, frameBound}) {
          if (bounds != null && bounds.length == 1 && !types.isSubtype(owner, bounds[0])
              && (thisBound == null || types.isSubtype(bounds[0], thisBound))) {
            thisBound = bounds[0];
          }
        }
        memo.add(body, null, null, thisBound);
      }
    }
  }

  /**
   * Whether {@code body} can run for the arguments of {@code call}. An implementation of a generic
   * method for one type argument ({@code handleEvent(Http2Channel)} of a {@code
   * ChannelListener<Http2Channel>}) is entered through a bridge that casts each argument to its own
   * parameter's type: called with an argument of the program's types that can be none of it (a
   * stream channel passing itself to its close listeners), the cast throws before the body runs.
   */
  private boolean takesArguments(Body body, MethodSummary.CallSite call) {
    String target = body.id.text;
    List<MethodSummary.Argument> arguments = call.arguments();
    for (int i = 0; i < arguments.size(); i++) {
      String parameter = ClassHierarchy.parameterType(target, i);
      String argument = arguments.get(i).type();
      if (argument != null
          && !parameter.equals(ClassHierarchy.parameterType(call.callee(), i))
          && types.knows(parameter)
          && types.knows(argument)
          && !types.mayBeBoth(argument, parameter)) {
        return false;
      }
    }
    return true;
  }

  /** Of {@code candidates}, those that are subtypes of one of {@code bounds}. */
  private String[] subtypesOfAny(String[] candidates, String[] bounds) {
    String[] kept = new String[candidates.length];
    int n = 0;
    for (String type : candidates) {
      for (String bound : bounds) {
        if (types.isSubtype(type, bound)) {
          kept[n++] = type;
          break;
        }
      }
    }
    return n == kept.length ? candidates : Arrays.copyOf(kept, n);
  }

  /** Whether a body {@code owner} declares may run for one of {@code flowed}: one of them is {@code owner} or a subtype. */
  private boolean runsFor(String[] flowed, String owner) {
    for (String type : flowed) {
      if (types.isSubtype(type, owner)) {
        return true;
      }
    }
    return false;
  }

  /** The flow's value of {@code live}'s receiver, as far as {@code frame} knows the caller's parameters it names. */
  private static String[] receiverValue(LiveCall live, Frame frame) {
    String[] refined = live.receiverInFrame == null ? null : live.receiverInFrame.in(frame::runtimeTypes);
    return refined != null ? refined : live.flowed;
  }

  /**
   * Adds to {@code into} the bodies a callback runs; {@code held}: the types of the objects an
   * unbound method reference runs on, where the flow knows them ({@link #entries}), else {@link
   * TypeFlow#UNKNOWN}.
   */
  private void callbackEntries(Bound bound, CallMemo into, String[] held) {
    MethodSummary.Callback callback = bound.callback;
    if (callback.target().startsWith("lambda@")) {
      BodyId id = ids.get(callback.target());
      Body lambda = id == null ? null : id.first;
      if (lambda != null && lambda.producer) {
        // A lambda's `this` and captured locals are its creator's.
        into.add(lambda, bound.frame, null);
      }
      return;
    }
    String receiver = bound.frame.mapInstance(callback.receiver());
    // A method of an anonymous or local class runs on the object created where it was passed;
    // a method reference on its receiver, whose type the creator's frame may know.
    String target = callback.target();
    String thisType =
        ClassHierarchy.ofLocalClass(target) ? ClassHierarchy.owner(target) : bound.frame.runtimeType(callback.receiver());
    BodyId id = ids.get(target);
    if (thisType == null && callback.functional() && callback.receiver() == null) {
      String owner = ClassHierarchy.owner(target);
      String[] elements = TypeFlow.narrowed(held, types.knows(owner) ? owner : null, types);
      if (elements != TypeFlow.UNKNOWN) {
        // `listeners.forEach(Listener::fire)`: the method each type the flow brings selects, as a
        // call on each element would run; an anonymous class's too. The elements were made
        // elsewhere: nothing of the caller's frame is theirs.
        for (String type : elements) {
          Body body = types.select(type, target);
          if (body != null && body.producer) {
            into.addReferenced(body, new Bindings().frame(this, body.id.text, null, type, ReachedOwner.NONE), type, id);
          }
        }
        return;
      }
      if (JdkPackages.declares(target)) {
        // A JDK method on objects the flow does not know (`stream.map(Object::toString)`) runs
        // none of the program's overrides, as a call of it on such an object does not.
        return;
      }
    }
    Body[] own = id == null ? NO_BODIES : id.ownTargets();
    Body selected = thisType == null || !callback.functional() ? null : types.select(thisType, target);
    // A method reference on an object of unknown type runs what any type selects for it.
    Body[] bodies = selected != null ? new Body[] {selected} : callback.functional() ? everySelected(target, own) : own;
    for (Body body : bodies) {
      if (body.producer && (body.id == id || !body.id.ofLocalClass)) {
        Frame frame = capturingFrame(body, receiver, thisType, bound.frame);
        if (selected == null && callback.functional()) {
          into.addReferenced(body, frame, thisType, id);
        } else {
          into.add(body, frame, thisType);
        }
      }
    }
  }

  /**
   * The frame of {@code body}, a method of an object created in {@code creator}: the objects its
   * class took from there ({@code Outer.this}, captured locals) are what the creator names them.
   */
  private Frame capturingFrame(Body body, String receiver, String thisType, Frame creator) {
    String[] names = body.capturedNames();
    Bindings bindings = new Bindings();
    for (String name : names) {
      String inCreator = Body.inCreator(name);
      bindings.put(
          name, new Binding(null, creator.mapInstance(inCreator), creator.runtimeType(inCreator), null, NO_BOUNDS));
    }
    // The creator's objects reached through back-pointers that the callback's are or belong to.
    ReachedOwner[] owners =
        creator.owners.length == 0 ? ReachedOwner.NONE : bindings.owners(receiver, Arrays.asList(creator.owners));
    return bindings.frame(this, body.id.text, receiver, thisType, owners);
  }

  /** The locks {@code call} holds across it, as {@code frame} maps them, and their key texts. */
  private void mapHeld(CallMemo memo, MethodSummary.CallSite call, Frame frame) {
    List<HeldLock> own = call.held();
    if (own.isEmpty()) {
      memo.held = List.of();
      return;
    }
    HeldLock[] mapped = new HeldLock[own.size()];
    String[] texts = new String[mapped.length];
    for (int i = 0; i < mapped.length; i++) {
      HeldLock lock = own.get(i);
      mapped[i] = mapped(lock, lock.acquiredAt(), frame);
      texts[i] = lockText(mapped[i]);
    }
    memo.held = Arrays.asList(mapped);
    memo.heldTexts = texts;
  }

  /**
   * The frame of {@code target}, as the call made in {@code frame} of {@code caller} binds its
   * parameters: {@code frame} with the bindings of the parameters {@code target} uses as locks or
   * callbacks, of {@code this} to {@code thisBound} when the object's runtime type is not known but
   * its static type is narrower than {@code target}'s class, and, for a call on an object {@code
   * caller} created, of the fields its constructor set from its arguments and of its enclosing
   * instance and captured locals.
   */
  private Frame frame(
      Body caller, Body target, String receiver, String thisType, String thisBound, LiveCall live, Frame frame) {
    MethodSummary.CallSite call = live.call;
    Bindings bindings = new Bindings();
    if (thisBound != null) {
      bindings.put("this", new Binding(null, null, null, thisBound, NO_BOUNDS));
    }
    List<MethodSummary.Argument> arguments = call.arguments();
    List<String> parameters = target.summary.parameters();
    for (int i : target.usedPositions()) {
      if (i >= arguments.size()) {
        break;
      }
      String parameter = parameters.get(i);
      MethodSummary.Argument argument = arguments.get(i);
      String[] flowTypes = typesInFrame(argument, frame, live.argumentsInFrame[i], target, i);
      bindings.put(
          parameter, binding(argument, frame, target.locks(parameter), target.parameterType(parameter), flowTypes));
      createdFields(caller, argument.instance(), frame, parameter, bindings);
    }
    for (int i : target.flowedPositions()) {
      // A parameter the callee names only inside values: its types are all that can matter.
      if (i < arguments.size()) {
        MethodSummary.Argument argument = arguments.get(i);
        String[] flowTypes = typesInFrame(argument, frame, live.argumentsInFrame[i], target, i);
        if (flowTypes != null && !argument.isNull()) {
          bindings.put(
              parameters.get(i), binding(MethodSummary.Argument.ofInstance(null), frame, false, null, flowTypes));
        }
      }
    }
    if ("this".equals(call.receiver()) && !frame.localNames) {
      // The callee runs on the caller's own object: what the caller's frame knows of that
      // object's fields (set by its constructor, taken from where it was created) holds there too.
      for (int i = 0; i < frame.names.length; i++) {
        if (frame.names[i].startsWith("this.")) {
          bindings.put(frame.names[i], frame.bindings[i]);
        }
      }
    }
    MethodSummary.CallSite made = call.receiver() == null ? null : caller.creation(call.receiver());
    MethodSummary.CallSite creation = made != null ? made : fieldCreation(caller, call.receiver());
    // A field the constructor set from an argument is that argument's object, as the creator
    // knows it: its type, its name, the callbacks it carries, and a lock's class (a wrapper's
    // lock is the lock it was made with). Objects the creator of a field's object named by its
    // own locals are none of the caller's.
    boolean created = storedArguments(
        made, creation,
        (field, argument) -> bindings.put(field, binding(argument, frame, passesLockClass(argument), null, null)));
    if (!created && "this".equals(call.receiver()) && !caller.summary.stores().isEmpty()) {
      // A constructor calling a method of its own object: the fields it set from its parameters
      // are those parameters' objects, as its frame knows them.
      List<String> own = caller.summary.parameters();
      for (MethodSummary.Store store : caller.summary.stores()) {
        String parameter = own.get(store.parameter());
        if (!parameter.isEmpty()) {
          bindings.put(
              storedField(store), binding(MethodSummary.Argument.ofInstance(parameter), frame, false, null, null));
        }
      }
    }
    if (creation != null) {
      // An object of an inner, local or anonymous class created here: its enclosing instance and
      // the locals it captured are the caller's, as for a callback it is passed as.
      for (String captured : target.capturedNames()) {
        String inCreator = Body.inCreator(captured);
        if (made == null && inCreator.startsWith(MethodSummary.LOCAL)) {
          continue;
        }
        bindings.put(
            captured, new Binding(null, frame.mapInstance(inCreator), frame.runtimeType(inCreator), null, NO_BOUNDS));
      }
    }
    // The objects reached through back-pointers that the callee's receiver and parameters are or
    // belong to: the caller's, and those the call reads from the caller's own back-pointers.
    List<ReachedOwner> reached = frame.owners.length == 0 ? null : new ArrayList<>(Arrays.asList(frame.owners));
    reached = withOwner(reached, owner(caller, call.receiver(), frame));
    for (MethodSummary.Argument argument : arguments) {
      reached = withOwner(reached, owner(caller, argument.instance(), frame));
    }
    ReachedOwner[] owners = reached == null ? ReachedOwner.NONE : bindings.owners(receiver, reached);
    return bindings.frame(this, target.id.text, receiver, thisType, owners);
  }

  /**
   * Binds {@code parameter.field} for each field of the object {@code argument} names that its
   * constructor set from an argument, where {@code caller} created that object ({@code Ctx c = new
   * Ctx(manager); listener.on(c)}: {@code c.manager} in {@code on} is the caller's {@code
   * manager}), or where the caller's frame has those fields bound already (the parameter passed
   * on). A getter of such a field then names that object, not another of its class.
   */
  private void createdFields(Body caller, String argument, Frame frame, String parameter, Bindings bindings) {
    if (argument == null || !argument.startsWith(MethodSummary.LOCAL) || argument.indexOf('.') >= 0) {
      return;
    }
    boolean created = storedArguments(caller.creation(argument), (store, stored) -> {
      String instance = frame.mapInstance(stored.instance());
      if (instance != null) {
        bindings.put(parameter + "." + fieldName(store), new Binding(null, instance, null, null, NO_BOUNDS));
      }
    });
    if (created) {
      return;
    }
    String prefix = argument + ".";
    for (int i = 0; i < frame.names.length; i++) {
      if (frame.names[i].startsWith(prefix) && frame.names[i].indexOf('.', prefix.length()) < 0) {
        bindings.put(parameter + frame.names[i].substring(argument.length()), frame.bindings[i]);
      }
    }
  }

  /**
   * Gives {@code action} each store of the constructor run by {@code creation}, a field it set from
   * an argument, with the argument; whether that constructor is known.
   */
  private boolean storedArguments(
      MethodSummary.CallSite creation, BiConsumer<MethodSummary.Store, MethodSummary.Argument> action) {
    BodyId constructor = creation == null ? null : ids.get(creation.callee());
    if (constructor == null || constructor.first == null) {
      return false;
    }
    List<MethodSummary.Argument> passed = creation.arguments();
    for (MethodSummary.Store store : constructor.first.summary.stores()) {
      if (store.parameter() < passed.size()) {
        action.accept(store, passed.get(store.parameter()));
      }
    }
    return true;
  }

  /** The name a constructor's {@code store} gives its field in the methods of the object: {@code this.field}. */
  private static String storedField(MethodSummary.Store store) {
    return "this." + fieldName(store);
  }

  /** The simple name of the field a constructor's {@code store} sets. */
  private static String fieldName(MethodSummary.Store store) {
    return store.lockClass().substring(store.lockClass().lastIndexOf('.') + 1);
  }

  /** {@code reached} with {@code owner} added unless null; a new list for a null {@code reached}. */
  private static List<ReachedOwner> withOwner(List<ReachedOwner> reached, ReachedOwner owner) {
    if (owner == null) {
      return reached;
    }
    List<ReachedOwner> list = reached == null ? new ArrayList<>(2) : reached;
    list.add(owner);
    return list;
  }

  /**
   * The runtime types {@code argument}, passed in {@code frame} to the parameter {@code position}
   * of {@code target}, may have where the frame knows more of them than the type flow says of that
   * parameter for the whole program: its one type, a parameter of the caller passed on with the
   * types its own caller's flow allowed, or a value of the caller naming such parameters ({@code
   * inFrame}); else null.
   */
  private String[] typesInFrame(
      MethodSummary.Argument argument, Frame frame, TypeFlow.InFrame inFrame, Body target, int position) {
    String[] known = !argument.exact()
        ? frame.runtimeTypes(argument.instance())
        : argument.type() == null ? null : new String[] {argument.type()};
    if (known == null && inFrame != null) {
      known = inFrame.in(frame::runtimeTypes);
    }
    return known == null || Arrays.equals(known, flow.parameterTypes(target, position)) ? null : known;
  }

  /**
   * What {@code argument}, passed in {@code frame}, binds: its lock class where the callee locks
   * it ({@code locked}), its instance, its runtime type or the types it may have ({@code flowTypes},
   * from {@link #typesInFrame}, or null) or a bound narrower than {@code own}, its callbacks; null
   * when it binds nothing.
   */
  private Binding binding(
      MethodSummary.Argument argument, Frame frame, boolean locked, String own, String[] flowTypes) {
    if (argument.isNull() || frame.isNull(argument.instance())) {
      // The literal null, or a parameter bound to it passed on: no object.
      return new Binding(null, null, null, null, null, NO_BOUNDS, true);
    }
    Bound[] callbacks = callbacks(argument, frame);
    // The class an argument has matters where the callee locks it or passes it on; a parameter
    // only called on keeps its instance, and a frame that differs in nothing else is shared.
    // A class that is still only a static type says little the callee's own does not.
    LockClass lockClass =
        argument.lockClass() == null || !locked ? null : frame.lockClass(argument.lockClass(), argument.instance(), types);
    if (lockClass != null && lockClass.typed()) {
      lockClass = null;
    }
    String type = argument.exact() ? argument.type() : frame.runtimeType(argument.instance());
    if (type == null && flowTypes != null && flowTypes.length == 1 && flowTypes[0].charAt(0) != TypeFlow.BOUND) {
      type = flowTypes[0];
    }
    String[] several = type == null ? flowTypes : null;
    String bound = type == null ? bound(argument, frame, own) : null;
    String instance = frame.mapInstance(argument.instance());
    return lockClass != null || callbacks.length > 0 || type != null || several != null || bound != null
            || instance != null
        ? new Binding(lockClass, instance, type, several, bound, callbacks, false)
        : null;
  }

  /** A frame's bindings as they are collected: sorted by name, a later binding of one name replacing the earlier. */
  private static final class Bindings {
    private String[] names = NO_NAMES;
    private Binding[] values = NO_BINDINGS;
    private int n;

    void put(String name, Binding binding) {
      if (binding == null) {
        return;
      }
      int at = 0;
      while (at < n && names[at].compareTo(name) < 0) {
        at++;
      }
      if (at < n && names[at].equals(name)) {
        values[at] = binding;
        return;
      }
      if (n == names.length) {
        names = Arrays.copyOf(names, Math.max(2, 2 * n));
        values = Arrays.copyOf(values, names.length);
      }
      System.arraycopy(names, at, names, at + 1, n - at);
      System.arraycopy(values, at, values, at + 1, n - at);
      names[at] = name;
      values[at] = binding;
      n++;
    }

    Frame frame(SummaryComposer composer, String owner, String receiver, String thisType, ReachedOwner[] owners) {
      return composer.frame(
          owner, receiver, thisType, n < names.length ? Arrays.copyOf(names, n) : names,
          n < values.length ? Arrays.copyOf(values, n) : values, owners);
    }

    /**
     * Of {@code candidates} ({@link #owner}), in order and once each, those whose object {@code
     * receiver} or a bound parameter is or belongs to.
     */
    ReachedOwner[] owners(String receiver, List<ReachedOwner> candidates) {
      TreeSet<ReachedOwner> kept = null;
      for (ReachedOwner candidate : candidates) {
        if (kept != null && kept.contains(candidate)) {
          continue;
        }
        String name = candidate.name();
        boolean used = receiver != null && Frame.within(receiver, name);
        for (int i = 0; i < n && !used; i++) {
          used = values[i].instance != null && Frame.within(values[i].instance, name);
        }
        if (used) {
          if (kept == null) {
            kept = new TreeSet<>();
          }
          kept.add(candidate);
        }
      }
      return kept == null ? ReachedOwner.NONE : kept.toArray(ReachedOwner.NONE);
    }
  }

  /**
   * The narrowest static type the caller knows {@code argument} by, where it is a program type
   * narrower than {@code own}, the type the callee calls the parameter as; else null, so that
   * frames that differ in nothing the callee's dispatch can use stay one.
   */
  private String bound(MethodSummary.Argument argument, Frame frame, String own) {
    if (own == null) {
      return null;
    }
    String bound = frame.knownBound(argument.instance());
    String named = argument.type();
    if (bound == null || (named != null && types.isSubtype(named, bound))) {
      bound = named;
    }
    return bound != null && !bound.equals(own) && types.knows(bound) && types.isSubtype(bound, own) ? bound : null;
  }

  /** The frame of a callee, not the outermost body, with these parts; one object per distinct frame. */
  private Frame frame(
      String owner, String receiver, String thisType, String[] names, Binding[] bindings, ReachedOwner[] owners) {
    int hash = Frame.hash(owner, false, receiver, thisType, names, bindings, owners);
    Frame[] table = frames;
    int mask = table.length - 1;
    int slot = (hash ^ (hash >>> 16)) & mask;
    for (Frame known; (known = table[slot]) != null; slot = (slot + 1) & mask) {
      if (known.hash == hash && known.is(owner, false, receiver, thisType, names, bindings, owners)) {
        return known;
      }
    }
    Frame frame = new Frame(owner, false, receiver, thisType, names, bindings, owners, hash);
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

  /**
   * The parameters a body acquires, holds, releases for its caller, passes on or tests as a {@link
   * MethodSummary#guard guard}, each once, and with {@code receivers} those it calls methods on too.
   */
  static String[] usedParameters(MethodSummary body, boolean receivers) {
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
      useGuards(acquisition.guards(), parameters, used);
      useReleased(acquisition.released(), parameters, used);
    }
    List<MethodSummary.CallSite> calls = body.calls();
    boolean callsOnThis = false;
    for (int i = 0; i < calls.size(); i++) {
      MethodSummary.CallSite call = calls.get(i);
      if (receivers) {
        use(call.receiver(), parameters, used);
      }
      List<MethodSummary.Argument> arguments = call.arguments();
      for (int j = 0; j < arguments.size(); j++) {
        use(arguments.get(j).instance(), parameters, used);
      }
      useGuards(call.guards(), parameters, used);
      useReleased(call.released(), parameters, used);
      callsOnThis |= "this".equals(call.receiver());
    }
    if (callsOnThis) {
      // A constructor calling a method of its own object: the fields it set from its parameters
      // are those parameters' objects there ({@link #frame}).
      for (MethodSummary.Store store : body.stores()) {
        if (store.parameter() < used.length) {
          used[store.parameter()] = true;
        }
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

  private static void useGuards(List<String> guards, List<String> parameters, boolean[] used) {
    for (int i = 0; i < guards.size(); i++) {
      use(MethodSummary.guarded(guards.get(i)), parameters, used);
    }
  }

  private static void useReleased(List<HeldLock> released, List<String> parameters, boolean[] used) {
    for (int i = 0; i < released.size(); i++) {
      use(released.get(i).instance(), parameters, used);
    }
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
        .append(lockClass.typed() ? "~" : "")
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
    // Chains of one length share the calls above their nearest common caller, and texts that
    // start alike compare as what follows: only the calls below it decide.
    Context common = null;
    if (other.depth == parent.depth + 1) {
      common = parent;
      for (Context on = other.parent; common != on; on = on.parent) {
        common = common.parent;
      }
    }
    int m = links(parent, common, linksA);
    linksA[m++] = link;
    int n = links(other, common, linksB);
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

  /**
   * Puts the calls of {@code context}'s chain below its caller {@code above} (null: the whole
   * chain) into {@code into}, outermost first; returns their number.
   */
  private static int links(Context context, Context above, String[] into) {
    int top = above == null ? 0 : above.depth;
    for (Context on = context; on.depth > top; on = on.parent) {
      into[on.depth - 1 - top] = on.link();
    }
    return context.depth - top;
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
