package dev.lockdep.lockgraph.program;

import static dev.lockdep.lockgraph.program.KeyText.SUBCLASSES;
import static dev.lockdep.lockgraph.program.KeyText.powerOf31;
import static dev.lockdep.lockgraph.program.SummaryComposer.NO_BINDINGS;
import static dev.lockdep.lockgraph.program.SummaryComposer.NO_NAMES;

import dev.lockdep.lockgraph.HeldLock;
import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.Provenance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;

/**
 * How a body's instance names read in the outermost caller's terms; equal frames are one object
 * ({@link SummaryComposer#frame}), and each keeps what the calls of a body made in it run ({@link CallMemo}).
 *
 * <p>{@code owner}: the body whose locals are named; {@code identity}: the outermost body
 * itself, whose names stay as they are; {@code receiver}: what {@code this} is, or null when
 * unknown; {@code thisType}: the runtime type of {@code this} when the walk knows it, else null;
 * {@code names} and {@code bindings}: what the call binds, by name: the parameters ({@code
 * local:p}), the fields of an object its creator set in its constructor ({@code this.field}), and
 * {@code this} itself where only a bound of its type is known; {@code owners}: the objects, in
 * the outermost caller's terms, that the receiver or a parameter is or belongs to and that were
 * reached through back-pointers ({@link SummaryComposer#ownersLock}), in order.
 */
final class Frame {
  final String owner;
  final boolean identity;
  final String receiver;
  final String thisType;
  final String[] names;
  final Binding[] bindings;
  final ReachedOwner[] owners;
  final int hash;
  /** Whether every name is of a local, {@code local:p}, as parameters' are. */
  final boolean localNames;
  /** Whether its bindings say only which of the caller's objects the parameters are. */
  final boolean namesOnly;
  /** The frame's key text: its hash and 31 to the power of its length; 0 until measured. */
  int textHash;
  int textPower;
  private String[] parts;
  /**
   * The names {@link #mapInstance} built lately, by the string it mapped: the same names for the
   * same instance strings, which most calls of a body share.
   */
  private String[] mappedFrom;
  private String[] mappedTo;
  private int mappedCount;
  /**
   * The context of this frame a level met last, found or made ({@link SummaryComposer#successors}):
   * the next attempt with this frame often has its key.
   */
  Context lastMet;
  /** The calls of the body that first ran in it ({@link #memos}), and of any other. */
  private Body memoBody;
  private CallMemo[] memo;
  private IdentityHashMap<Body, CallMemo[]> moreMemos;

  Frame(
      String owner, boolean identity, String receiver, String thisType, String[] names, Binding[] bindings,
      ReachedOwner[] owners, int hash) {
    this.owner = owner;
    this.owners = owners;
    this.identity = identity;
    this.receiver = receiver;
    this.thisType = thisType;
    this.names = names;
    this.bindings = bindings;
    this.hash = hash;
    boolean local = true;
    for (String name : names) {
      local &= name.startsWith(MethodSummary.LOCAL);
    }
    this.localNames = local;
    boolean only = true;
    for (Binding binding : bindings) {
      only &= binding.lockClass == null && binding.type == null && binding.types == null && binding.bound == null
          && binding.callbacks.length == 0 && !binding.none;
    }
    this.namesOnly = only;
  }

  /** The frame of the outermost body {@code owner} run on an object of {@code thisType}: names stay as they are. */
  static Frame root(String owner, String thisType) {
    return new Frame(
        owner, true, "this", thisType, NO_NAMES, NO_BINDINGS, ReachedOwner.NONE,
        hash(owner, true, "this", thisType, NO_NAMES, NO_BINDINGS, ReachedOwner.NONE));
  }

  /** The hash of a frame's parts, for {@link SummaryComposer#frame}. */
  static int hash(
      String owner, boolean identity, String receiver, String thisType, String[] names, Binding[] bindings,
      ReachedOwner[] owners) {
    int h = 31 * owner.hashCode() + (identity ? 1 : 0);
    h = 31 * h + (receiver == null ? 0 : receiver.hashCode());
    h = 31 * h + (thisType == null ? 0 : thisType.hashCode());
    for (int i = 0; i < names.length; i++) {
      h = 31 * h + names[i].hashCode();
      h = 31 * h + bindings[i].hash;
    }
    return 31 * h + Arrays.hashCode(owners);
  }

  /** Whether this frame has these parts: their strings equal, its bindings' frames the same objects. */
  boolean is(
      String owner, boolean identity, String receiver, String thisType, String[] names, Binding[] bindings,
      ReachedOwner[] owners) {
    if (this.identity != identity
        || !this.owner.equals(owner)
        || !Objects.equals(this.receiver, receiver)
        || !Objects.equals(this.thisType, thisType)
        || this.names.length != names.length
        || !Arrays.equals(this.owners, owners)) {
      return false;
    }
    for (int i = 0; i < names.length; i++) {
      if (!this.names[i].equals(names[i]) || !this.bindings[i].same(bindings[i])) {
        return false;
      }
    }
    return true;
  }

  /** What the calls of {@code body}, made in this frame, run; one slot per live call. */
  CallMemo[] memos(Body body, int calls) {
    if (memoBody == body) {
      return memo;
    }
    if (memoBody == null) {
      memoBody = body;
      memo = new CallMemo[calls];
      return memo;
    }
    if (moreMemos == null) {
      moreMemos = new IdentityHashMap<>();
    }
    CallMemo[] memos = moreMemos.get(body);
    if (memos == null) {
      memos = new CallMemo[calls];
      moreMemos.put(body, memos);
    }
    return memos;
  }

  /** The binding of the parameter {@code name}, or null. */
  Binding local(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return bindings[i];
      }
    }
    return null;
  }

  /**
   * Whether a constant the caller passed refutes one of {@code guards} ({@link
   * MethodSummary#guard}): what they guard does not run in this frame.
   */
  boolean refutes(List<String> guards) {
    for (int i = 0, n = guards.size(); i < n; i++) {
      String guard = guards.get(i);
      Binding binding = bindingOf(MethodSummary.guarded(guard));
      if (binding != null && MethodSummary.refuting(guard).equals(binding.instance)) {
        return true;
      }
    }
    return false;
  }

  /** The binding of the parameter named by the first {@code length} characters of {@code instance}, or null. */
  private Binding local(String instance, int length) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].length() == length && instance.startsWith(names[i])) {
        return bindings[i];
      }
    }
    return null;
  }

  /**
   * {@code lock} as seen from the outermost caller: its class substituted for a bound parameter,
   * and a monitor's class the runtime type of its object where the frame knows it.
   */
  HeldLock map(HeldLock lock, Provenance at, TypeHierarchy types) {
    LockClass lockClass = lockClass(lock.lockClass(), lock.instance(), types);
    if (identity) {
      return at == lock.acquiredAt() && lockClass == lock.lockClass()
          ? lock
          : new HeldLock(lockClass, lock.read(), lock.trylock(), lock.instance(), at);
    }
    return new HeldLock(lockClass, lock.read(), lock.trylock(), mapInstance(lock.instance()), at);
  }

  /**
   * The class of a lock of class {@code lockClass} named {@code instance} in the body, as this
   * frame tells: the argument's class for a bound parameter (a parameter's own class is its static
   * type), the runtime type of the object for a monitor whose type the frame knows.
   */
  LockClass lockClass(LockClass lockClass, String instance, TypeHierarchy types) {
    Binding binding = bindingOf(instance);
    // A monitor's typed class says more than an argument's class that is only a JDK type (an
    // erased type variable, an Object local): then the object's type decides, below.
    if (binding != null && binding.lockClass != null
        && !(lockClass.typed() && !binding.lockClass.typed() && JdkPackages.declares(binding.lockClass.key()))) {
      int subclass = lockClass.subclass() != 0 ? lockClass.subclass() : binding.lockClass.subclass();
      return binding.lockClass.withSubclass(subclass);
    }
    if (lockClass.typed()) {
      String type = runtimeType(instance);
      if (type != null) {
        return lockClass.ofType(type, types.simpleName(type));
      }
    }
    return lockClass;
  }

  /** The runtime type of the object the body names {@code instance}, when this frame knows it; else null. */
  String runtimeType(String instance) {
    if (instance == null) {
      return null;
    }
    if (instance.equals("this")) {
      return thisType;
    }
    Binding binding = bindingOf(instance);
    return binding == null ? null : binding.type;
  }

  /**
   * The runtime types the object the body names {@code instance} may have, where this frame knows
   * them: its one type, or those its caller's flow allows ({@link Binding#types}); else null.
   */
  String[] runtimeTypes(String instance) {
    String type = runtimeType(instance);
    if (type != null) {
      return new String[] {type};
    }
    Binding binding = bindingOf(instance);
    return binding == null ? null : binding.types;
  }

  /** Whether the body's {@code instance} is a parameter its caller passed the literal {@code null} for. */
  boolean isNull(String instance) {
    Binding binding = bindingOf(instance);
    return binding != null && binding.none;
  }

  /**
   * The narrowest type this frame knows the object the body names {@code instance} by: its runtime
   * type, else the static type its caller passed it as when narrower ({@link Binding#bound}); else null.
   */
  String knownBound(String instance) {
    String type = runtimeType(instance);
    if (type != null) {
      return type;
    }
    Binding binding = bindingOf(instance);
    return binding == null ? null : binding.bound;
  }

  /** The binding of the body's {@code instance}, or null: none in the outermost body's own frame. */
  private Binding bindingOf(String instance) {
    return identity || instance == null ? null : local(instance);
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
    if (instance.startsWith("this") && (instance.length() == 4 || instance.charAt(4) == '.')) {
      if (receiver != null && instance.length() == 4) {
        return receiver;
      }
      if (!localNames && instance.length() > 5) {
        // An object a local or anonymous class took from where it was created: its enclosing
        // instance or a captured local, bound to what the creator names it.
        int dot = instance.indexOf('.', 5);
        Binding captured = local(instance, dot < 0 ? instance.length() : dot);
        if (captured != null && captured.instance != null) {
          return dot < 0 ? captured.instance : captured.instance.concat(instance.substring(dot));
        }
      }
      String known = mapped(instance);
      if (known != null) {
        return known;
      }
      return mapped(instance, receiver == null ? ownName(instance) : receiver.concat(instance.substring(4)));
    }
    if (instance.startsWith(MethodSummary.LOCAL)) {
      int dot = instance.indexOf('.');
      if (dot > 0) {
        // A field of a parameter whose object its caller created: the object the constructor set
        // it to, as the caller names it (an event's source, a context's manager).
        int next = instance.indexOf('.', dot + 1);
        Binding field = local(instance, next < 0 ? instance.length() : next);
        if (field != null && field.instance != null) {
          return next < 0 ? field.instance : field.instance.concat(instance.substring(next));
        }
      }
      Binding binding = local(instance, dot < 0 ? instance.length() : dot);
      if (binding != null && binding.instance != null && dot < 0) {
        return binding.instance;
      }
      String known = mapped(instance);
      if (known != null) {
        return known;
      }
      return mapped(
          instance,
          binding == null || binding.instance == null ? ownName(instance) : binding.instance.concat(instance.substring(dot)));
    }
    // Outer.this.x is not tracked across calls; static fields and class objects are global.
    return instance.contains(".this") ? null : instance;
  }

  /** {@code owner|instance}: a name of the body's own. */
  private String ownName(String instance) {
    return new StringBuilder(owner.length() + 1 + instance.length()).append(owner).append('|').append(instance).toString();
  }

  /** What this frame mapped the very string {@code instance} to, if it did lately; else null. */
  private String mapped(String instance) {
    for (int i = 0; i < mappedCount; i++) {
      if (mappedFrom[i] == instance) {
        return mappedTo[i];
      }
    }
    return null;
  }

  /** Remembers that this frame maps {@code instance} to {@code name}; returns {@code name}. */
  private String mapped(String instance, String name) {
    if (mappedFrom == null) {
      mappedFrom = new String[4];
      mappedTo = new String[4];
    } else if (mappedCount == mappedFrom.length) {
      if (mappedCount == 16) {
        // Forget the oldest: a body's own names are few.
        System.arraycopy(mappedFrom, 1, mappedFrom, 0, 15);
        System.arraycopy(mappedTo, 1, mappedTo, 0, 15);
        mappedCount--;
      } else {
        mappedFrom = Arrays.copyOf(mappedFrom, 2 * mappedCount);
        mappedTo = Arrays.copyOf(mappedTo, 2 * mappedCount);
      }
    }
    mappedFrom[mappedCount] = instance;
    mappedTo[mappedCount] = name;
    mappedCount++;
    return name;
  }

  /** This frame with its key text measured. */
  Frame measured() {
    if (textPower == 0) {
      textPower = 1;
      keyText(
          new KeySink() {
            @Override
            public void add(String part) {
              int power = powerOf31(part.length());
              textHash = textHash * power + part.hashCode();
              textPower *= power;
            }

            @Override
            public void frame(Frame inner) {
              Frame measured = inner.measured();
              textHash = textHash * measured.textPower + measured.textHash;
              textPower *= measured.textPower;
            }
          });
    }
    return this;
  }

  /** The key text, as parts. */
  String[] parts() {
    if (parts == null) {
      List<String> text = new ArrayList<>();
      parts(text);
      parts = text.toArray(NO_NAMES);
    }
    return parts;
  }

  /** Adds the parts of this frame's key text to {@code parts}. */
  void parts(List<String> parts) {
    keyText(
        new KeySink() {
          @Override
          public void add(String part) {
            parts.add(part);
          }

          @Override
          public void frame(Frame inner) {
            inner.parts(parts);
          }
        });
  }

  /** Where a frame's key text goes: its parts one by one, the frame of a callback it binds whole. */
  private interface KeySink {
    void add(String part);

    void frame(Frame inner);
  }

  /** The key text, one definition for its measure ({@link #measured}) and its parts ({@link #parts}). */
  private void keyText(KeySink out) {
    out.add(owner);
    out.add(identity ? "|true|" : "|false|");
    out.add(String.valueOf(receiver));
    out.add("|");
    out.add(String.valueOf(thisType));
    for (int i = 0; i < names.length; i++) {
      Binding binding = bindings[i];
      out.add("|");
      out.add(names[i]);
      out.add("=");
      if (binding.lockClass != null) {
        out.add(binding.lockClass.typed() ? "~" : "");
        out.add(binding.lockClass.key());
        out.add(SUBCLASSES[binding.lockClass.subclass()]);
      }
      out.add("@");
      out.add(String.valueOf(binding.instance));
      out.add(":");
      out.add(String.valueOf(binding.type));
      if (binding.types != null) {
        out.add("{");
        out.add(String.join(",", binding.types));
        out.add("}");
      }
      if (binding.none) {
        out.add("<null>");
      }
      if (binding.bound != null) {
        out.add("<");
        out.add(binding.bound);
      }
      for (Bound bound : binding.callbacks) {
        out.add("[");
        out.add(bound.callback.target());
        out.add(",");
        out.add(String.valueOf(bound.callback.receiver()));
        out.add(",");
        out.frame(bound.frame);
        out.add("]");
      }
    }
    for (ReachedOwner reached : owners) {
      out.add("|^");
      out.add(reached.text());
    }
  }

  /** Whether {@code name} is the object {@code prefix} names or one reached through its fields. */
  static boolean within(String name, String prefix) {
    return name.equals(prefix) || isFieldPath(name, prefix);
  }

  /** Whether {@code instance} names an object reached through the fields of {@code holder}. */
  static boolean isFieldPath(String instance, String holder) {
    return instance.length() > holder.length() && instance.charAt(holder.length()) == '.' && instance.startsWith(holder);
  }
}
