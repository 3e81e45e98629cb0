package dev.lockdep.lockgraph.program;

import dev.lockdep.lockgraph.FactsEncoding;
import dev.lockdep.lockgraph.FactsFormatException;
import dev.lockdep.lockgraph.HeldLock;
import dev.lockdep.lockgraph.IrqKind;
import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.ReadMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The on-disk form of method summaries, files under {@code META-INF/lockdep/} in a compilation's
 * class output (the checker lays them out): what a later compilation composes with its own. It uses
 * the primitives of {@link FactsEncoding} (header, tables, bounds-checked reading) with its own
 * magic, so neither format can be mistaken for the other.
 *
 * <pre>
 * body        = units
 * units       = n:var (file:str methods types){n}
 * types       = n:var (name:str simpleName:str superclass:ostr interfaces:strs concrete:u8){n}
 * methods     = n:var (method:str id:str overrides:strs parameters:strs suppressed:strs
 *                      context acquisitions calls stores flows returnsHolding:held
 *                      returnedLock:held){n}            returnedLock: none or one
 * stores      = n:var (lockClass:str parameter:var){n}
 * flows       = n:var (target:str sources:strs){n}
 * context     = irqContext:u8 irqsDisabled:u8 gfp:u8 flags:u8 declaredAt:prov
 *               irq levels: 0 for none, else IrqKind ordinal + 1; flags bit0 reclaim,
 *               bit1 shrinker, bit2 fenceSignalling, bit3 entry
 * strs        = n:var str{n}
 * acquisitions= n:var (held next:lock at:prov guards:strs released:held){n}
 * held        = n:var lock{n}
 * lock        = cls mode:u8 trylock:u8 instance:ostr acquiredAt:prov
 * calls       = n:var (callee:str held at:prov receiver:ostr receiverType:ostr exactReceiver:u8
 *                      virtual:u8 runsCallbacks:u8 reclaim:u8 gfp:u8 fenceWait:u8 args guards:strs
 *                      released:held awaits:strs){n}
 * args        = n:var (cls:ocls instance:ostr callbacks type:ostr exact:u8){n}
 * callbacks   = n:var (target:str receiver:ostr functional:u8){n}
 * ostr        = 0 for none, else string index + 1; ocls = u8 0 for none, 1 then cls
 * </pre>
 *
 * Units are written sorted by file name, suppressed checks sorted, everything else in summary
 * order, so equal summaries give equal bytes.
 */
public final class ProgramFormat {
  public static final int VERSION = 10;

  /** Where a compilation's summaries go in its class output. */
  public static final String DIRECTORY = "META-INF/lockdep/";

  /** How the name of a summaries file ends. */
  public static final String SUFFIX = ".summaries";

  private static final byte[] MAGIC = {'L', 'K', 'D', 'S'};
  private static final String KIND = "lockdep summaries file";
  private static final Comparator<ProgramUnit> BY_FILE = Comparator.comparing(ProgramUnit::file);

  private ProgramFormat() {}

  /** A resource name for the summaries of {@code packageName} ({@code ""}: the unnamed package). */
  public static String resourceName(String packageName) {
    return DIRECTORY + (packageName.isEmpty() ? "unnamed-package" : packageName) + SUFFIX;
  }

  /** The bytes of {@code units}, sorted by file; one file name must not occur twice. */
  public static byte[] write(Collection<ProgramUnit> units) {
    ProgramUnit[] sorted = units.toArray(new ProgramUnit[0]);
    Arrays.sort(sorted, BY_FILE);
    FactsEncoding.Output out = new FactsEncoding.Output(MAGIC, VERSION);
    out.varint(sorted.length);
    String previous = null;
    for (ProgramUnit unit : sorted) {
      // Sorted, a repeated name follows its first occurrence.
      if (unit.file().equals(previous)) {
        throw new IllegalArgumentException("two units named " + unit.file());
      }
      previous = unit.file();
      out.string(unit.file());
      List<MethodSummary> methods = unit.methods();
      out.varint(methods.size());
      for (int m = 0; m < methods.size(); m++) {
        method(out, methods.get(m));
      }
      List<TypeDecl> types = unit.types();
      out.varint(types.size());
      for (int t = 0; t < types.size(); t++) {
        TypeDecl type = types.get(t);
        out.string(type.name());
        out.string(type.simpleName());
        out.optionalString(type.superclass());
        strings(out, type.interfaces());
        out.bool(type.concrete());
      }
    }
    return out.toByteArray();
  }

  // The lists of summaries are immutable random-access lists: indexing them spares an iterator
  // per list, which counts while this code still runs interpreted.
  private static void method(FactsEncoding.Output out, MethodSummary method) {
    out.string(method.method());
    out.string(method.id());
    strings(out, method.overrides());
    strings(out, method.parameters());
    suppressed(out, method.suppressed());
    context(out, method.context());
    List<MethodSummary.Acquisition> acquisitions = method.acquisitions();
    out.varint(acquisitions.size());
    for (int i = 0; i < acquisitions.size(); i++) {
      MethodSummary.Acquisition acquisition = acquisitions.get(i);
      held(out, acquisition.held());
      lock(out, acquisition.next());
      out.provenance(acquisition.at());
      strings(out, acquisition.guards());
      held(out, acquisition.released());
    }
    List<MethodSummary.CallSite> calls = method.calls();
    out.varint(calls.size());
    for (int i = 0; i < calls.size(); i++) {
      call(out, calls.get(i));
    }
    List<MethodSummary.Store> stores = method.stores();
    out.varint(stores.size());
    for (int i = 0; i < stores.size(); i++) {
      out.string(stores.get(i).lockClass());
      out.varint(stores.get(i).parameter());
    }
    List<MethodSummary.Flow> flows = method.flows();
    out.varint(flows.size());
    for (int i = 0; i < flows.size(); i++) {
      out.string(flows.get(i).target());
      strings(out, flows.get(i).sources());
    }
    held(out, method.returnsHolding());
    held(out, method.returnedLock() == null ? List.of() : List.of(method.returnedLock()));
  }

  private static void call(FactsEncoding.Output out, MethodSummary.CallSite call) {
    out.string(call.callee());
    held(out, call.held());
    out.provenance(call.at());
    out.optionalString(call.receiver());
    out.optionalString(call.receiverType());
    out.bool(call.exactReceiver());
    out.bool(call.virtual());
    out.bool(call.runsCallbacks());
    out.bool(call.reclaim());
    out.u8(call.gfp().ordinal());
    out.bool(call.fenceWait());
    List<MethodSummary.Argument> arguments = call.arguments();
    out.varint(arguments.size());
    for (int a = 0; a < arguments.size(); a++) {
      MethodSummary.Argument argument = arguments.get(a);
      out.bool(argument.lockClass() != null);
      if (argument.lockClass() != null) {
        out.lockClass(argument.lockClass());
      }
      out.optionalString(argument.instance());
      List<MethodSummary.Callback> callbacks = argument.callbacks();
      out.varint(callbacks.size());
      for (int c = 0; c < callbacks.size(); c++) {
        MethodSummary.Callback callback = callbacks.get(c);
        out.string(callback.target());
        out.optionalString(callback.receiver());
        out.bool(callback.functional());
      }
      out.optionalString(argument.type());
      out.bool(argument.exact());
    }
    strings(out, call.guards());
    held(out, call.released());
    strings(out, call.awaits());
  }

  /** Decodes {@code bytes}; {@code source} ({@code foo.jar!META-INF/lockdep/p.summaries}) names them in errors. */
  public static List<ProgramUnit> read(byte[] bytes, String source) throws FactsFormatException {
    FactsEncoding.Input in = FactsEncoding.Input.open(bytes, source, MAGIC, VERSION, KIND);
    int unitCount = in.count("units", 2);
    List<ProgramUnit> units = new ArrayList<>(unitCount);
    for (int u = 0; u < unitCount; u++) {
      String file = in.string();
      int methodCount = in.count("methods of ", file, 12);
      List<MethodSummary> methods = new ArrayList<>(methodCount);
      for (int m = 0; m < methodCount; m++) {
        String method = in.string();
        String id = in.string();
        List<String> overrides = strings(in, "overridden methods of ", id);
        List<String> parameters = strings(in, "parameters of ", id);
        List<String> suppressed = strings(in, "suppressed checks of ", id);
        BodyContext context = context(in);
        int acquisitionCount = in.count("acquisitions of ", id, 8);
        List<MethodSummary.Acquisition> acquisitions = new ArrayList<>(acquisitionCount);
        for (int i = 0; i < acquisitionCount; i++) {
          acquisitions.add(
              new MethodSummary.Acquisition(
                  held(in, id), lock(in), in.provenance(), strings(in, "guards in ", id), held(in, id)));
        }
        int callCount = in.count("calls of ", id, 10);
        List<MethodSummary.CallSite> calls = new ArrayList<>(callCount);
        for (int i = 0; i < callCount; i++) {
          String callee = in.string();
          List<HeldLock> held = held(in, id);
          var at = in.provenance();
          String receiver = in.optionalString();
          String receiverType = in.optionalString();
          boolean exactReceiver = in.bool();
          boolean virtual = in.bool();
          boolean runsCallbacks = in.bool();
          boolean reclaim = in.bool();
          Gfp gfp = in.enumValue(GFPS, "allocation context");
          boolean fenceWait = in.bool();
          int argumentCount = in.count("arguments of a call in ", id, 3);
          List<MethodSummary.Argument> arguments = new ArrayList<>(argumentCount);
          for (int a = 0; a < argumentCount; a++) {
            LockClass lockClass = in.bool() ? in.lockClass() : null;
            String instance = in.optionalString();
            int callbackCount = in.count("callbacks of an argument in ", id, 3);
            List<MethodSummary.Callback> callbacks = new ArrayList<>(callbackCount);
            for (int c = 0; c < callbackCount; c++) {
              callbacks.add(new MethodSummary.Callback(in.string(), in.optionalString(), in.bool()));
            }
            arguments.add(new MethodSummary.Argument(lockClass, instance, callbacks, in.optionalString(), in.bool()));
          }
          calls.add(new MethodSummary.CallSite(
                  callee, held, at, receiver, receiverType, exactReceiver, virtual, arguments, runsCallbacks, reclaim,
                  gfp, fenceWait, strings(in, "guards in ", id), held(in, id), strings(in, "awaited bodies in ", id)));
        }
        int storeCount = in.count("stores of ", id, 2);
        List<MethodSummary.Store> stores = new ArrayList<>(storeCount);
        for (int i = 0; i < storeCount; i++) {
          String lockClass = in.string();
          int parameter = in.varint();
          if (parameter >= parameters.size()) {
            throw in.fail("store of " + lockClass + " in " + id + " names parameter " + parameter + " of " + parameters.size());
          }
          stores.add(new MethodSummary.Store(lockClass, parameter));
        }
        int flowCount = in.count("flows of ", id, 2);
        List<MethodSummary.Flow> flows = new ArrayList<>(flowCount);
        for (int i = 0; i < flowCount; i++) {
          String target = in.string();
          flows.add(new MethodSummary.Flow(target, strings(in, "sources of a flow in ", id)));
        }
        methods.add(
            new MethodSummary(
                method, id, overrides, parameters, acquisitions, calls, Set.copyOf(suppressed), context, stores, flows,
                held(in, id), returnedLock(in, id)));
      }
      int typeCount = in.count("types of ", file, 5);
      List<TypeDecl> types = new ArrayList<>(typeCount);
      for (int t = 0; t < typeCount; t++) {
        String name = in.string();
        types.add(new TypeDecl(name, in.string(), in.optionalString(), strings(in, "interfaces of ", name), in.bool()));
      }
      units.add(new ProgramUnit(file, methods, types));
    }
    in.expectEnd("the last unit");
    return units;
  }

  private static final Gfp[] GFPS = Gfp.values();
  private static final IrqKind[] IRQ_KINDS = IrqKind.values();
  private static final ReadMode[] READ_MODES = ReadMode.values();

  private static final int RECLAIM = 1;
  private static final int SHRINKER = 2;
  private static final int FENCE_SIGNALLING = 4;
  private static final int ENTRY = 8;

  private static void context(FactsEncoding.Output out, BodyContext context) {
    irqLevel(out, context.irqContext());
    irqLevel(out, context.irqsDisabled());
    out.u8(context.gfp().ordinal());
    out.u8(
        (context.reclaim() ? RECLAIM : 0)
            | (context.shrinker() ? SHRINKER : 0)
            | (context.fenceSignalling() ? FENCE_SIGNALLING : 0)
            | (context.entry() ? ENTRY : 0));
    out.provenance(context.declaredAt());
  }

  private static BodyContext context(FactsEncoding.Input in) throws FactsFormatException {
    IrqKind irqContext = irqLevel(in);
    IrqKind irqsDisabled = irqLevel(in);
    Gfp gfp = in.enumValue(GFPS, "allocation context");
    int flags = in.u8();
    if ((flags & ~(RECLAIM | SHRINKER | FENCE_SIGNALLING | ENTRY)) != 0) {
      throw in.fail("body context flags " + flags + " name no known context");
    }
    return new BodyContext(
        irqContext, irqsDisabled, gfp, (flags & RECLAIM) != 0, (flags & SHRINKER) != 0,
        (flags & FENCE_SIGNALLING) != 0, (flags & ENTRY) != 0, in.provenance());
  }

  private static void irqLevel(FactsEncoding.Output out, IrqKind level) {
    out.u8(level == null ? 0 : level.ordinal() + 1);
  }

  private static IrqKind irqLevel(FactsEncoding.Input in) throws FactsFormatException {
    int v = in.u8();
    if (v > IRQ_KINDS.length) {
      throw in.fail("irq level " + v + " is out of range");
    }
    return v == 0 ? null : IRQ_KINDS[v - 1];
  }

  private static void strings(FactsEncoding.Output out, List<String> strings) {
    out.varint(strings.size());
    for (int i = 0; i < strings.size(); i++) {
      out.string(strings.get(i));
    }
  }

  /** Sorted, so that equal sets give equal bytes; most are empty. */
  private static void suppressed(FactsEncoding.Output out, Set<String> suppressed) {
    if (suppressed.isEmpty()) {
      out.varint(0);
      return;
    }
    String[] sorted = suppressed.toArray(new String[0]);
    Arrays.sort(sorted);
    strings(out, Arrays.asList(sorted));
  }

  private static List<String> strings(FactsEncoding.Input in, String what, String id)
      throws FactsFormatException {
    int n = in.count(what, id, 1);
    List<String> strings = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      strings.add(in.string());
    }
    return strings;
  }

  private static void held(FactsEncoding.Output out, List<HeldLock> held) {
    out.varint(held.size());
    for (int i = 0; i < held.size(); i++) {
      lock(out, held.get(i));
    }
  }

  private static List<HeldLock> held(FactsEncoding.Input in, String id) throws FactsFormatException {
    int n = in.count("held locks in ", id, 5);
    List<HeldLock> held = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      held.add(lock(in));
    }
    return held;
  }

  private static HeldLock returnedLock(FactsEncoding.Input in, String id) throws FactsFormatException {
    List<HeldLock> returned = held(in, id);
    if (returned.size() > 1) {
      throw in.fail(returned.size() + " returned locks of " + id + ", at most one");
    }
    return returned.isEmpty() ? null : returned.get(0);
  }

  private static void lock(FactsEncoding.Output out, HeldLock lock) {
    out.lockClass(lock.lockClass());
    out.u8(lock.read().ordinal());
    out.bool(lock.trylock());
    out.optionalString(lock.instance());
    out.provenance(lock.acquiredAt());
  }

  private static HeldLock lock(FactsEncoding.Input in) throws FactsFormatException {
    LockClass lockClass = in.lockClass();
    ReadMode read = in.enumValue(READ_MODES, "read mode");
    boolean trylock = in.bool();
    String instance = in.optionalString();
    return new HeldLock(lockClass, read, trylock, instance, in.provenance());
  }
}
