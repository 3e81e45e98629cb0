package dev.lockdep.lockgraph.program;

import static dev.lockdep.lockgraph.program.SummaryComposer.usedParameters;

import dev.lockdep.lockgraph.HeldLock;
import dev.lockdep.lockgraph.LockClass;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A body of the program with what the walk keeps for it. */
final class Body {
  /** Its summary, with the marks of locks handed over by calls resolved ({@link HeldByCalls}) before the walk. */
  MethodSummary summary;
  final BodyId id;
  /** Its position in {@link SummaryComposer#bodies}. */
  final int index;
  /** Whether its own annotations leave the state and stack its callers enter it with as they are. */
  final boolean plain;
  /** Whether it stands for code outside the program ({@link MethodSummary#OUTSIDE}). */
  final boolean outside;
  /** The next body with its id, in unit order. */
  Body sameId;
  /**
   * Whether its contexts may add something: an acquisition, a reclaim or a fence wait of its own
   * or of a body it may run. Another body's contexts add nothing whatever their held stack and
   * frame, nor do their successors, and caps count per body, so they are not entered.
   */
  boolean producer;
  /**
   * Whether its facts depend on the runtime type of its {@code this}: its roots are one per type
   * that runs it ({@link SummaryComposer#findThisSensitive}).
   */
  boolean thisSensitive;
  /** The runtime types of {@code this} its roots are composed for (null: unknown); computed on first use. */
  String[] rootTypes;
  /** Per call, in order, every body it may dispatch to in some frame. */
  Body[][] targets;
  /** Its unit when it is of the current compilation, else null. */
  Unit currentUnit;
  /**
   * Its calls that may run a producer, in order; computed on first use. Most calls reach only
   * the libraries, and every context of the body would otherwise look them up again.
   */
  LiveCall[] liveCalls;
  /** The class of its completion when some call waits for it as a task ({@code SummaryComposer#findAwaited}), else null. */
  LockClass completion;
  /** Its reclaiming calls, fence waits and waits for tasks, in order. */
  List<MethodSummary.CallSite> effectCalls = List.of();
  /** The positions of its parameters a caller's binding can matter to, in order; computed on first use. */
  private int[] usedPositions;
  /**
   * The positions of the parameters it names only inside a receiver's or argument's value
   * ({@code to = buffer != null ? buffer : target}), whose types a caller's binding may narrow;
   * computed on first use.
   */
  private int[] flowedPositions;
  /** Per parameter, by position, the static type the body calls it as or passes it on as; computed on first use. */
  private String[] parameterTypes;
  /** Per instance name, the constructor call that created the object it names in this body; computed on first use. */
  private Map<String, MethodSummary.CallSite> creations;
  /**
   * Per type, its concrete subtypes for which a call of this body's id selects this body
   * ({@code SummaryComposer.typesSelecting}); computed on first use, since every dispatch of a
   * call asks it of every body the call may run.
   */
  Map<String, String[]> typesSelecting;
  /** Per instance name, what {@code SummaryComposer.owner} finds of it whatever the frame; filled on use. */
  Map<String, SummaryComposer.OwnerPath> ownerPaths;
  /** Whether the contexts bound has been noted for it. */
  boolean contextsFull;
  /** {@link #capturedNames}, computed on first use. */
  private String[] capturedNames;
  /** Its root context, computed on first use: the state, held stack and its key. */
  State rootState;
  List<HeldLock> rootHeld;
  HeldKey rootKey;

  Body(MethodSummary summary, BodyId id, int index) {
    this.summary = summary;
    this.id = id;
    this.index = index;
    BodyContext own = summary.context();
    this.plain =
        own.irqContext() == null && own.irqsDisabled() == null && own.gfp() == Gfp.KERNEL && !own.reclaim()
            && !own.shrinker() && !own.fenceSignalling();
    this.outside = summary.id().startsWith(MethodSummary.OUTSIDE);
  }

  /**
   * The objects a method of a local or anonymous class names as its class took them from where
   * its object was created, each once, sorted: {@code this.this$Outer} (an enclosing instance) and
   * {@code this.val$x} (a captured local), as they start the body's instance names.
   */
  String[] capturedNames() {
    if (capturedNames == null) {
      TreeSet<String> names = new TreeSet<>();
      for (MethodSummary.Acquisition acquisition : summary.acquisitions()) {
        captured(acquisition.next().instance(), names);
        for (HeldLock held : acquisition.held()) {
          captured(held.instance(), names);
        }
      }
      for (MethodSummary.CallSite call : summary.calls()) {
        captured(call.receiver(), names);
        for (HeldLock held : call.held()) {
          captured(held.instance(), names);
        }
        for (MethodSummary.Argument argument : call.arguments()) {
          captured(argument.instance(), names);
        }
      }
      capturedNames = names.toArray(new String[0]);
    }
    return capturedNames;
  }

  private static void captured(String instance, Set<String> into) {
    if (instance != null && (instance.startsWith("this.this$") || instance.startsWith("this.val$"))) {
      int dot = instance.indexOf('.', 5);
      into.add(dot < 0 ? instance : instance.substring(0, dot));
    }
  }

  /** What the creator of an object names what {@link #capturedNames} names in the object's methods. */
  static String inCreator(String captured) {
    return captured.startsWith("this.val$") ? MethodSummary.LOCAL + captured.substring("this.val$".length()) : "this";
  }

  /** The constructor call that created, in this body, the object it names {@code instance}; else null. */
  MethodSummary.CallSite creation(String instance) {
    if (creations == null) {
      creations = Map.of();
      for (MethodSummary.CallSite call : summary.calls()) {
        if (call.receiver() != null && call.callee().contains("#<init>(")) {
          if (creations.isEmpty()) {
            creations = new HashMap<>();
          }
          creations.putIfAbsent(call.receiver(), call);
        }
      }
    }
    return creations.get(instance);
  }

  /**
   * The static type the body names its parameter {@code name} by where it calls a method on it or
   * passes it on (the receiver's or the argument's type), or null when it does neither.
   */
  String parameterType(String name) {
    List<String> parameters = summary.parameters();
    if (parameterTypes == null) {
      parameterTypes = new String[parameters.size()];
      for (MethodSummary.CallSite call : summary.calls()) {
        typeOf(call.receiver(), call.receiverType(), parameters);
        for (MethodSummary.Argument argument : call.arguments()) {
          typeOf(argument.instance(), argument.type(), parameters);
        }
      }
    }
    int at = parameters.indexOf(name);
    return at < 0 ? null : parameterTypes[at];
  }

  private void typeOf(String instance, String type, List<String> parameters) {
    int at = instance == null || type == null ? -1 : parameters.indexOf(instance);
    if (at >= 0 && parameterTypes[at] == null) {
      parameterTypes[at] = type;
    }
  }

  /** Whether the body acquires, holds or passes on its parameter {@code name}, beyond calling it. */
  boolean locks(String name) {
    if (id.lockedParameters == null) {
      id.lockedParameters = usedParameters(summary, false);
    }
    for (String locked : id.lockedParameters) {
      if (locked.equals(name)) {
        return true;
      }
    }
    return false;
  }

  int[] usedPositions() {
    if (usedPositions == null) {
      if (id.usedParameters == null) {
        id.usedParameters = usedParameters(summary, true);
      }
      List<String> parameters = summary.parameters();
      int[] positions = new int[parameters.size()];
      int used = 0;
      for (int i = 0; i < positions.length; i++) {
        String parameter = parameters.get(i);
        for (String name : id.usedParameters) {
          if (name.equals(parameter)) {
            positions[used++] = i;
            break;
          }
        }
      }
      usedPositions = used == positions.length ? positions : Arrays.copyOf(positions, used);
    }
    return usedPositions;
  }

  int[] flowedPositions() {
    if (flowedPositions == null) {
      int[] used = usedPositions();
      BitSet named = new BitSet();
      for (MethodSummary.Flow flow : summary.flows()) {
        char kind = flow.target().charAt(0);
        if (kind == 'U' || kind == 'A') {
          for (String source : flow.sources()) {
            if (source.startsWith("P ")) {
              named.set(Integer.parseInt(source, 2, source.length(), 10));
            }
          }
        }
      }
      for (int position : used) {
        named.clear(position);
      }
      flowedPositions = named.stream().filter(p -> p < summary.parameters().size()).toArray();
    }
    return flowedPositions;
  }
}
