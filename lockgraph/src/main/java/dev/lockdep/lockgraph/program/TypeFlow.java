package dev.lockdep.lockgraph.program;

import dev.lockdep.lockgraph.Provenance;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The runtime types the program's objects may have where they are used: a variable-type analysis
 * over the summaries' {@link MethodSummary.Flow}s, in the style of XTA. Types flow from {@code new}
 * expressions through fields, parameters, returns and the collections kept in fields, parameters
 * and returns; a collection is one value with what it holds (a {@code map.put(k, v)} flows {@code
 * v} into the field the map is read from, a {@code map.get(k)} reads it back). It is whole-program
 * and context-insensitive: each field, parameter and return is one node for the program.
 *
 * <p>What it cannot follow is unknown, and an unknown value narrows nothing: an object from a
 * library call it has no summary of, a lambda's parameter, a parameter of a body that overrides a
 * method outside the program (code outside may call it with anything). A use whose known types
 * leave none of its static type's subtypes is unknown too (the object came from somewhere the flow
 * does not see, such as reflection). A parameter or field declared of a program type holds only
 * objects of that type, and an unknown value that reaches one is known to be of that type ({@link
 * #bound}): passed on where a cast or a wider variable takes it, it is no object of a type
 * unrelated to the parameter's. A parameter no call of the program passes (an entry point's) holds
 * nothing. An object the program passes to library code may come back where the flow does not
 * follow ({@link #escapes}). The program is the compilation with the summaries on its class path,
 * a closed world: a library compiled alone does not see the objects its users pass to methods it
 * calls itself, and its user's build, composing the library's summaries, does.
 */
final class TypeFlow {
  /** More types than this at one node are taken as unknown: the class hierarchy decides there. */
  static final int MAX_TYPES = 64;

  /**
   * The JDK supertypes of the program's types an object may have without being given objects to
   * hold: a program type with only these above it is no collection, map, reference or consumer,
   * whose node would stand for what it holds as well as for itself. Tasks, threads, functions and
   * streams are here: none has a method the front end takes as keeping what it is passed.
   */
  private static final Set<String> HOLDING_NOTHING =
      Set.of(
          "java.lang.Object", "java.lang.AutoCloseable", "java.io.Closeable", "java.io.Serializable",
          "java.io.Externalizable", "java.lang.Cloneable", "java.lang.Comparable", "java.util.Comparator",
          "java.lang.Runnable", "java.util.EventListener", "java.util.EventObject", "java.lang.Throwable",
          "java.lang.Exception", "java.lang.RuntimeException", "java.lang.Error", "java.lang.Enum",
          "java.lang.Record", "java.lang.Number", "java.lang.Thread", "java.util.TimerTask",
          "java.util.concurrent.Callable", "java.util.concurrent.ThreadFactory", "java.util.function.Supplier",
          "java.util.function.Function", "java.util.function.BiFunction", "java.util.function.Predicate",
          "java.io.InputStream", "java.io.OutputStream", "java.io.Reader", "java.io.Writer", "java.io.Flushable",
          "java.lang.Readable", "java.lang.Appendable", "java.lang.constant.Constable", "java.nio.channels.Channel",
          "java.nio.channels.ByteChannel", "java.nio.channels.ReadableByteChannel",
          "java.nio.channels.WritableByteChannel", "java.nio.channels.GatheringByteChannel",
          "java.nio.channels.ScatteringByteChannel", "java.nio.channels.InterruptibleChannel");

  /** How a {@link #bound}'s name begins. */
  static final char BOUND = '?';

  /** The value of an unknown use. */
  static final String[] UNKNOWN = null;

  /** {@link #UNKNOWN}, as a cached answer. */
  private static final String[] NOT_KNOWN = {};

  /** The fields' nodes, by {@code F pkg.Owner.field}. */
  private final Map<String, Node> fields = new HashMap<>();
  /** Per body, its parameters' nodes, and its return's. */
  private final Map<Body, Node[]> parameters = new IdentityHashMap<>();
  private final Map<Body, Node> returns = new IdentityHashMap<>();
  private final List<Node> nodes = new ArrayList<>();
  /** The types that flow, numbered in the order they are met. */
  private final Map<String, Integer> typeIds = new HashMap<>();
  private final List<String> typeNames = new ArrayList<>();
  /** Per body and call ("line:column callee"), the receiver's value. */
  private final Map<Body, Map<String, Value>> uses = new IdentityHashMap<>();
  /** Per body and call argument ("callee#i"), the argument's value where it names a parameter of the body. */
  private final Map<Body, Map<String, Value>> arguments = new IdentityHashMap<>();
  /** What the program passes to library code it has no body of, which may hand it back anywhere. */
  private final List<Value> escaping = new ArrayList<>();
  /** The types of {@link #escaping}'s objects, and of what overrides of library methods return; built on first use. */
  private BitSet escaped;
  /** Per monitor position ("file:line:column"), the value locked there. */
  private final Map<String, Value> monitors = new HashMap<>();
  /** Per monitor position, {@link #monitor}'s answer. */
  private final Map<String, String[]> monitorAnswers = new HashMap<>();

  private final Function<String, Body[]> targets;
  private final TypeHierarchy types;
  /** {@link #allocated}'s answers; {@link #NOT_ALLOCATED} for a body that is no factory. */
  private final Map<Body, BitSet> allocators = new IdentityHashMap<>();
  private static final BitSet NOT_ALLOCATED = new BitSet();
  /** {@link #backPointer}'s answers, by {@code type.field}; {@link #NOT_KNOWN} for no back-pointer. */
  private final Map<String, String[]> backPointers = new HashMap<>();
  /** {@link #inverse}'s answers, by {@code type.field}. */
  private final Map<String, Boolean> inverses = new HashMap<>();
  /** Per field, the classes of the bodies that assign it a new object, by the object's type. */
  private final Map<Node, Map<Integer, Set<String>>> creators = new IdentityHashMap<>();
  /**
   * Per node, by type, the classes of the bodies that give its object (a collection) a new object
   * of the type to hold; null for an object of the type given otherwise than by a {@code new} there.
   */
  private final Map<Node, Map<Integer, Set<String>>> givenCreators = new IdentityHashMap<>();
  /** The ids of the types that are {@link #bound}s, not types: {@code ?pkg.Type}. */
  private final BitSet bounds = new BitSet();
  /** The ids of the lambdas and method references among the types ({@link MethodSummary#FUNCTION}). */
  private final BitSet functionIds = new BitSet();
  /** Those of them of a JDK interface's method: of no type the program names. */
  private final BitSet jdkFunctionIds = new BitSet();
  /** {@link #declared}'s answers, by type name; {@code ""} for none. */
  private final Map<String, String> declaredTypes = new HashMap<>();
  /** {@link #keepCompatible}'s answers, by declared type. */
  private final Map<String, Fitting> fittings = new HashMap<>();
  /** {@link #heldByItsOuterKind}'s answers, by {@code inner + " " + outer}. */
  private final Map<String, Boolean> heldByOuterKind = new HashMap<>();
  /** Per type that declares back-pointers, the types of the objects they point at; built on first use. */
  private Map<String, Set<String>> ownersByHolder;

  /** A field, parameter or return: the types that reach it, and where it flows on. */
  private static final class Node {
    final BitSet types = new BitSet();
    boolean unknown;
    /**
     * For a parameter or field declared of a program type that holds nothing ({@link
     * #HOLDING_NOTHING}): that type. What the flow cannot follow there is an object of it, a
     * {@link #bound}, not unknown.
     */
    String declared;
    /** Whether the {@code this} of some body may reach it. */
    boolean self;
    /**
     * For a field: whether a body that sets it passes its {@code this} to a method called on the
     * object it holds ({@code this.scope = scope; scope.addLazilyInitializedValue(name, this)}): the
     * object registers itself with what the field names.
     */
    boolean registered;
    /** For a field: the class that declares it; null for a parameter or a return. */
    String declaring;
    /** Whether it is a parameter's. */
    boolean parameter;
    /**
     * For a parameter: the nodes whose objects a call on another object than the caller's own
     * passes to it; null for none.
     */
    Set<Node> passedByAnother;
    final List<Node> next = new ArrayList<>(2);
    /** The nodes that flow into this one: a collection given to hold something is each of theirs too. */
    final List<Node> previous = new ArrayList<>(2);
    /** What the object this node names was given to hold, which every node it came from holds too. */
    final BitSet written = new BitSet();
    boolean writtenUnknown;
    /** The nodes whose objects are given what this node holds. */
    final List<Node> writesInto = new ArrayList<>(0);
    /** The nodes whose objects this node's object was given to hold: {@link #writesInto} backwards. */
    final List<Node> writtenFrom = new ArrayList<>(0);
    /**
     * The nodes that hold what a library method of the JDK returns when called on this node's
     * objects: unknown when this node is ({@code K} sources).
     */
    final List<Node> unknownInto = new ArrayList<>(0);
  }

  /**
   * What one body's flows say about objects registering themselves ({@link Node#registered}): the
   * callees it passes its {@code this} to, the receivers of its calls, and the fields it sets.
   * A call is matched to its receiver by callee, not by position: the flows of arguments are kept
   * per callee.
   */
  private static final class Registrations {
    /** The class of the body. */
    private final String owner;
    private final Set<String> passedThis = new HashSet<>();
    private final Map<String, List<Value>> receivers = new HashMap<>();
    private final Map<Node, Value> fieldsSet = new IdentityHashMap<>();

    Registrations(String owner) {
      this.owner = owner;
    }

    void note(String target, Value value, TypeFlow flow) {
      switch (target.charAt(0)) {
        case 'A' -> {
          if (value.self || passesItsOwnCallback(value, flow)) {
            passedThis.add(target.substring(2, target.lastIndexOf('#')));
          }
        }
        case 'U' -> receivers.computeIfAbsent(target.substring(target.indexOf(' ', 2) + 1), c -> new ArrayList<>()).add(value);
        case 'F' -> fieldsSet.put(flow.field(target), value);
        default -> {}
      }
    }

    /**
     * Whether {@code value} is an object of an anonymous or local class of the body's class
     * created there ({@code metadata.addListener(new Listener() { ... })}): its enclosing instance
     * is the body's {@code this}, which registers itself through it.
     */
    private boolean passesItsOwnCallback(Value value, TypeFlow flow) {
      if (owner == null || !value.nodes.isEmpty()) {
        return false;
      }
      for (int id = value.types.nextSetBit(0); id >= 0; id = value.types.nextSetBit(id + 1)) {
        String type = flow.typeNames.get(id);
        if (type.length() > owner.length() + 1 && type.startsWith(owner) && type.charAt(owner.length()) == '$'
            && Character.isDigit(type.charAt(owner.length() + 1))) {
          return true;
        }
      }
      return false;
    }

    /**
     * Marks each field whose object a call passing {@code this} runs on: set here (the field
     * itself, or what set it), or a field of the body's own class (the object registers itself
     * with what its field names, set by its constructor: {@code this.metadata.addListener(...)}).
     */
    void mark() {
      if (passedThis.isEmpty()) {
        return;
      }
      for (String callee : passedThis) {
        for (Value receiver : receivers.getOrDefault(callee, List.of())) {
          fieldsSet.forEach((field, set) -> {
            for (Node node : receiver.nodes) {
              if (node == field || set.nodes.contains(node)) {
                field.registered = true;
              }
            }
          });
          for (Node node : receiver.nodes) {
            if (owner != null && owner.equals(node.declaring)) {
              node.registered = true;
            }
          }
        }
      }
    }
  }

  /** The sources of one flow, resolved: the nodes, the created types and whether any is unknown. */
  private static final class Value {
    final List<Node> nodes = new ArrayList<>(2);
    final BitSet types = new BitSet();
    boolean unknown;
    /** Whether it names the {@code this} of the body. */
    boolean self;
    /** For a cast's operand, the {@link #bound} of its declared type; else null. */
    String declared;
    /** The nodes that make it unknown when they are ({@code K} sources). */
    final List<Node> unknownIf = new ArrayList<>(0);
  }

  /**
   * @param targets the bodies a call of an id may run: its own and every override
   */
  TypeFlow(List<Body> bodies, Function<String, Body[]> targets, TypeHierarchy types) {
    this.targets = targets;
    this.types = types;
    // The fields' declared types first: what reaches a field is kept to its type from the start.
    for (Body body : bodies) {
      for (MethodSummary.Flow flow : body.summary.flows()) {
        if (flow.target().charAt(0) == 'Y' && !flow.sources().isEmpty()) {
          field(flow.target().substring(2)).declared = declared(flow.sources().get(0));
        }
      }
    }
    for (Body body : bodies) {
      MethodSummary summary = body.summary;
      if (summary.flows().isEmpty()) {
        continue;
      }
      // The class of the body: whose `this` registers itself, and creates inner objects.
      String owner = ClassHierarchy.owner(body.id.text);
      Registrations registrations = new Registrations(owner);
      Map<String, Integer> receivers = null;
      for (MethodSummary.Flow flow : summary.flows()) {
        String target = flow.target();
        if (target.charAt(0) == 'Y') {
          continue; // a declared type, read above: its source is a type's name, no value
        }
        Value value = value(flow.sources(), body);
        registrations.note(target, value, this);
        switch (target.charAt(0)) {
          case 'F' -> {
            Node field = field(target);
            into(field, value);
            creators(field, flow.sources(), owner);
          }
          case 'R' -> into(returned(body), value);
          case 'A' -> {
            int hash = target.lastIndexOf('#');
            String callee = target.substring(2, hash);
            int position = Integer.parseInt(target, hash + 1, target.length(), 10);
            Body[] called = targets.apply(callee);
            if (called.length == 0) {
              escaping.add(value); // a library's constructor, or a method of a jar without summaries
            } else if (namesParameter(value, body)) {
              arguments.computeIfAbsent(body, b -> new HashMap<>()).put(target.substring(2), value);
            }
            // An object made here and handed to a method of this same object is this one's own
            // where that method keeps it (`executeStatement(new StmtExecCmd(this))`).
            if (receivers == null) {
              receivers = receivers(summary);
            }
            int every = receivers.getOrDefault(callee, 0);
            String creator = (every & ON_THIS) != 0 ? owner : null;
            // An inner object handing itself to a method of its enclosing instance
            // (`Pool.this.enqueue(this)`) is that instance's own, as one it made and passed is; so
            // is an inner object of that instance made there (`runInIoThread(new Resume())` in an
            // anonymous listener of the channel: the new object's enclosing instance is the
            // listener's, the channel the call runs on).
            String itself = (every & ON_OUTER) != 0 ? ClassHierarchy.owner(callee) : null;
            for (Body one : called) {
              Node parameter = parameter(one, position);
              if (parameter != null) {
                into(parameter, value);
                creators(parameter, flow.sources(), creator != null ? creator : itself);
                selfCreators(parameter, flow.sources(), itself);
                if (creator == null && !value.nodes.isEmpty()) {
                  if (parameter.passedByAnother == null) {
                    parameter.passedByAnother = Collections.newSetFromMap(new IdentityHashMap<>());
                  }
                  parameter.passedByAnother.addAll(value.nodes);
                }
              }
            }
          }
          case 'E' -> escaping.add(value);
          case 'W' -> {
            for (Node holder : value(List.of(target.substring(2)), body).nodes) {
              holder.written.or(value.types);
              holder.writtenUnknown |= value.unknown;
              given(holder, value.types, flow.sources(), owner);
              for (Node from : value.nodes) {
                from.writesInto.add(holder);
                holder.writtenFrom.add(from);
              }
            }
          }
          case 'U' -> uses.computeIfAbsent(body, b -> new HashMap<>()).put(target.substring(2), value);
          case 'M' -> monitors.put(monitorKey(summary, target.substring(2)), value);
          default -> {}
        }
      }
      registrations.mark();
    }
    // Parameters that code outside the program may pass anything to are unknown. One that no
    // call of the program passes (an entry point's) holds nothing: in a closed world the objects
    // reaching it are those some body of the program passes, and a caller outside the
    // compilation is in the program of the build that compiles it.
    parameters.forEach((body, nodes) -> {
      if (overridesOutside(body)) {
        for (Node node : nodes) {
          if (node != null) {
            becomeUnknown(node);
          }
        }
      }
    });
    solve();
  }

  /**
   * Whether an object of {@code type} may be one the flow does not follow: one the program passes
   * to library code (a reflective constructor's arguments, an executor's task), or that an
   * override of a library method returns to its caller outside. A receiver the flow does not know
   * may be such an object, even of an anonymous or local class.
   */
  boolean escapes(String type) {
    if (escaped == null) {
      escaped = new BitSet();
      for (Value value : escaping) {
        escaped.or(value.types);
        for (Node node : value.nodes) {
          escaped.or(node.types);
        }
      }
      returns.forEach((body, node) -> {
        if (overridesOutside(body)) {
          escaped.or(node.types);
        }
      });
    }
    Integer id = typeIds.get(type);
    return id != null && escaped.get(id);
  }

  /**
   * The receiver of {@code call} in {@code body} as a value a frame may narrow, where it names a
   * parameter of the body ({@link InFrame}); else null.
   */
  InFrame receiverInFrame(Body body, MethodSummary.CallSite call) {
    Value value = use(body, call);
    return value == null || value.declared != null ? null : inFrame(value, body);
  }

  /**
   * The argument {@code position} of {@code call} in {@code body} as a value a frame may narrow,
   * where it names a parameter of the body ({@link InFrame}); else null.
   */
  InFrame argumentInFrame(Body body, MethodSummary.CallSite call, int position) {
    Map<String, Value> own = arguments.get(body);
    Value value = own == null ? null : own.get(call.callee() + "#" + position);
    return value == null ? null : inFrame(value, body);
  }

  /**
   * A value of a body that names some of the body's parameters, apart: the types of the rest, and
   * per parameter the types the whole program gives it. The flow is context-insensitive, one node
   * per parameter; a frame that knows what its caller passed for a parameter knows the value
   * better ({@code to = result != null ? result : target}, with {@code target} a parameter whose
   * caller passed one kind of target). Null where nothing in the value names a parameter or the
   * rest is unknown.
   */
  private InFrame inFrame(Value value, Body body) {
    Node[] own = parameters.get(body);
    if (value.unknown || own == null) {
      return null;
    }
    BitSet rest = (BitSet) value.types.clone();
    List<String> names = new ArrayList<>(1);
    List<String[]> elsewhere = new ArrayList<>(1);
    List<String> parameterNames = body.summary.parameters();
    for (Node node : value.nodes) {
      int position = indexOf(own, node);
      if (position >= 0 && position < parameterNames.size() && !parameterNames.get(position).isEmpty()) {
        names.add(parameterNames.get(position));
        elsewhere.add(node.unknown ? UNKNOWN : valueNames(node.types));
      } else if (node.unknown) {
        return null;
      } else {
        rest.or(node.types);
      }
    }
    for (Node node : value.unknownIf) {
      if (node.unknown && indexOf(own, node) < 0) {
        return null;
      }
    }
    return names.isEmpty() || valueNames(rest) == UNKNOWN
        ? null
        : new InFrame(names(rest), names.toArray(new String[0]), elsewhere.toArray(new String[0][]));
  }

  private static int indexOf(Node[] nodes, Node node) {
    for (int i = 0; i < nodes.length; i++) {
      if (nodes[i] == node) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code value} names one of {@code body}'s parameters. */
  private boolean namesParameter(Value value, Body body) {
    Node[] own = parameters.get(body);
    if (own != null) {
      for (Node node : value.nodes) {
        if (indexOf(own, node) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A value of a body that names parameters of the body ({@link #receiverInFrame}, {@link
   * #argumentInFrame}): {@code rest}, the types of what else it names, and per parameter its name
   * and the types the whole program gives it ({@link #UNKNOWN} when unknown).
   */
  record InFrame(String[] rest, String[] parameters, String[][] elsewhere) {
    /**
     * The types of the value in a frame that knows the types of some of the parameters ({@code
     * known}: null where it does not), in name order; null where the frame knows none of them, or
     * one it does not know is unknown.
     */
    String[] in(Function<String, String[]> known) {
      Set<String> all = new TreeSet<>(Arrays.asList(rest));
      boolean knowsOne = false;
      for (int i = 0; i < parameters.length; i++) {
        String[] types = known.apply(parameters[i]);
        if (types == null && elsewhere[i] == UNKNOWN) {
          return null;
        }
        knowsOne |= types != null;
        all.addAll(Arrays.asList(types != null ? types : elsewhere[i]));
      }
      return knowsOne ? all.toArray(new String[0]) : null;
    }
  }

  /** The value of the receiver of {@code call} in {@code body} ({@code U} flows), or null. */
  private Value use(Body body, MethodSummary.CallSite call) {
    Map<String, Value> own = uses.get(body);
    return own == null ? null : own.get(position(call.at()) + " " + call.callee());
  }

  /** The types the receiver of {@code call} in {@code body} may have; {@link #UNKNOWN} when not known. */
  String[] receiver(Body body, MethodSummary.CallSite call) {
    Value value = use(body, call);
    if (value == null) {
      return UNKNOWN;
    }
    String[] flowed = types(value);
    if (value.declared == null) {
      return flowed;
    }
    if (flowed != UNKNOWN) {
      // Java's types say the object is of the operand's declared type: what else the flow brings
      // there came through a collection or an Object it merged with others.
      String[] kept = narrowed(flowed, value.declared.substring(1), types);
      if (kept != UNKNOWN) {
        return kept;
      }
    }
    return new String[] {value.declared};
  }

  /**
   * The types the parameter {@code position} of {@code body} may hold, in name order; null when
   * unknown or none.
   */
  String[] parameterTypes(Body body, int position) {
    Node[] own = parameters.get(body);
    Node node = own == null || position < 0 || position >= own.length ? null : own[position];
    boolean known = node != null && !node.unknown && !node.types.isEmpty() && !node.types.intersects(bounds);
    return known ? valueNames(node.types) : null;
  }

  /**
   * Whether {@code field}, as a body of {@code type} reads it ({@code this.field}, declared in
   * {@code type} or a supertype), is a back-pointer: the {@code this} of some body reaches it
   * ({@code new Child(this)}, {@code child.bind(this)}, or a copy of another such field, {@code
   * this.database = schema.getDatabase()}), and neither what the flow cannot follow nor what a
   * collection holds does. Such a field points at an object that its holder belongs to. Returns
   * the types of the objects it holds, or null when it is no back-pointer.
   */
  String[] backPointer(String type, String field) {
    String[] answer = backPointers.computeIfAbsent(type + "." + field, key -> {
      Node node = fieldNode(type, field);
      return node != null && pointsBack(node) ? withoutBounds(names(node.types)) : NOT_KNOWN;
    });
    return answer == NOT_KNOWN ? null : answer;
  }

  /** {@code names} with each bound ({@code ?pkg.Type}) as its type, once, in name order. */
  private static String[] withoutBounds(String[] names) {
    Set<String> types = new TreeSet<>();
    for (String name : names) {
      types.add(name.charAt(0) == BOUND ? name.substring(1) : name);
    }
    return types.toArray(new String[0]);
  }

  /** The node of {@code field} as an object of {@code type} has it (declared in it or a supertype), or null. */
  private Node fieldNode(String type, String field) {
    for (String declaring : types.lookupOrder(type)) {
      Node node = fields.get("F " + declaring + "." + field);
      if (node != null) {
        return node;
      }
    }
    return null;
  }

  /**
   * Whether {@code field} of an object of {@code type} holds only objects that point back at such
   * an object: no unknown value and no body's {@code this} reaches it, and every type that does
   * has a back-pointer ({@link #backPointer}) to {@code type} ({@code executor = new
   * SessionExecutor(this)} in a session whose executors keep their {@code session}). Such a field
   * is the inverse of the back-pointer: the object it holds is the one whose back-pointer leads to
   * its holder.
   */
  boolean inverse(String type, String field) {
    return inverses.computeIfAbsent(type + "." + field, key -> {
      Node node = fieldNode(type, field);
      if (node == null || node.unknown || node.self || node.types.isEmpty() || node.types.intersects(bounds)) {
        return false;
      }
      for (String held : names(node.types)) {
        if (!pointsBackTo(held, type)) {
          return false;
        }
      }
      return true;
    });
  }

  /**
   * Whether objects of {@code inner}, an inner, local or anonymous class of {@code outer}, may be
   * held by a field of an {@code outer} (declared in it or a supertype), directly or in a collection
   * kept there: a child's callback registered with its parent of the same class ({@code
   * parent.notifyWhenNotFull(callback)}). Then an {@code outer} running the objects it holds may
   * run another one's inner objects, and their enclosing instance is not presumed to be it.
   */
  boolean heldByItsOuterKind(String inner, String outer) {
    return heldByOuterKind.computeIfAbsent(inner + " " + outer, key -> findHeldByItsOuterKind(inner, outer));
  }

  private boolean findHeldByItsOuterKind(String inner, String outer) {
    Integer id = typeIds.get(inner);
    if (id == null) {
      return false;
    }
    for (String declaring : types.lookupOrder(outer)) {
      for (Node node : fields.values()) {
        if (declaring.equals(node.declaring) && (node.types.get(id) || node.written.get(id))
            && !onlyItsOwn(node, id, outer)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the inner objects of type {@code id} that the field {@code node} of an {@code outer}
   * holds are only those its holder creates ({@code heartbeat = new HeartbeatThread();} in a
   * method of the outer class or a subclass): no collection kept there holds them, each {@code new}
   * of them assigned there is in a body of the outer kind, whose {@code this} is the new object's
   * enclosing instance, and nothing else brings them there but a parameter of a method the holder
   * calls on itself with such objects only ({@code executeStatement(new StmtExecCmd(this))}, which
   * keeps its argument in the field), or with what such a parameter holds.
   */
  private boolean onlyItsOwn(Node node, int id, String outer) {
    return onlyItsOwn(node, id, outer, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private boolean onlyItsOwn(Node node, int id, String outer, Set<Node> asked) {
    if (!asked.add(node)) {
      return false;
    }
    Map<Integer, Set<String>> created = creators.get(node);
    Set<String> by = created == null ? null : created.get(id);
    if (!ofItsKind(by, outer)) {
      return false;
    }
    boolean passed = false;
    for (Node from : node.previous) {
      if (from.unknown) {
        return false;
      }
      // A parameter brings them only if every object of the type it is passed is one made by
      // the object the method runs on.
      if (from.types.get(id)) {
        if (!from.parameter || (node.passedByAnother != null && node.passedByAnother.contains(from))
            || !onlyItsOwn(from, id, outer, asked)) {
          return false;
        }
        passed = true;
      }
    }
    boolean given = node.written.get(id);
    if (given && !givenOnlyItsOwn(node, id, outer, asked, Collections.newSetFromMap(new IdentityHashMap<>()))) {
      return false;
    }
    return by != null || passed || given;
  }

  /**
   * Whether the objects of type {@code id} that a collection at {@code node} was given to hold are
   * all its holder's own ({@link #onlyItsOwn}): made there by a body of the {@code outer} kind, or
   * passed there through a parameter that only ever holds such objects ({@code pending.add(lease)}
   * in {@code enqueue(Lease lease)}, which each lease calls on its enclosing pool with itself), or
   * given to an alias of the collection that holds only those.
   */
  private boolean givenOnlyItsOwn(Node node, int id, String outer, Set<Node> asked, Set<Node> aliases) {
    if (node.writtenUnknown || !aliases.add(node)) {
      return false;
    }
    Map<Integer, Set<String>> created = givenCreators.get(node);
    Set<String> by = created == null ? null : created.get(id);
    if (!ofItsKind(by, outer)) {
      return false;
    }
    boolean explained = by != null;
    for (Node from : node.writtenFrom) {
      if (from.unknown) {
        return false;
      }
      if (from.types.get(id)) {
        if (!from.parameter || !onlyItsOwn(from, id, outer, asked)) {
          return false;
        }
        explained = true;
      }
    }
    // What an alias of the collection is given, the collection holds ({@link #solve}).
    for (Node alias : node.next) {
      if (alias.writtenUnknown || (alias.written.get(id) && !givenOnlyItsOwn(alias, id, outer, asked, aliases))) {
        return false;
      }
      explained |= alias.written.get(id);
    }
    return explained;
  }

  /** Whether each of {@code creators} (null: none known) is of the {@code outer} kind; null itself passes. */
  private boolean ofItsKind(Set<String> creators, String outer) {
    if (creators != null) {
      for (String owner : creators) {
        if (owner == null || !types.isSubtype(owner, outer)) {
          return false;
        }
      }
    }
    return true;
  }

  /** {@link #receivers}: every call of the method is on the body's own object ({@code this}, written or implicit). */
  private static final int ON_THIS = 1;
  /** {@link #receivers}: every call of the method is on the body's enclosing instance ({@code this.this$Pool}). */
  private static final int ON_OUTER = 2;

  /**
   * Per method {@code summary}'s body calls, which of {@link #ON_THIS} and {@link #ON_OUTER} hold of
   * every call of it: one pass over the calls for both.
   */
  private static Map<String, Integer> receivers(MethodSummary summary) {
    Map<String, Integer> every = new HashMap<>();
    for (MethodSummary.CallSite call : summary.calls()) {
      String receiver = call.receiver();
      int kind = "this".equals(receiver) ? ON_THIS
          : receiver != null && receiver.startsWith("this.this$") && receiver.indexOf('.', 5) < 0 ? ON_OUTER
          : 0;
      every.merge(call.callee(), kind, (a, b) -> a & b);
    }
    return every;
  }

  /**
   * Notes, per type of the body's own object passed to a parameter ({@code T} sources), the class
   * {@code creator} whose object it belongs to; null where it is not the object the call runs on.
   */
  private void selfCreators(Node parameter, List<String> sources, String creator) {
    for (String source : sources) {
      if (source.charAt(0) == 'T' && types.knows(source.substring(2))) {
        for (String concrete : types.concreteSubtypes(source.substring(2))) {
          note(creators, parameter, typeId(concrete), creator);
        }
      }
    }
  }

  /**
   * Notes, per type of {@code types} that a body of class {@code owner} gives {@code holder}'s
   * object to hold, that class where the flow's {@code N} sources made it, else null.
   */
  private void given(Node holder, BitSet types, List<String> sources, String owner) {
    if (types.isEmpty()) {
      return;
    }
    BitSet made = new BitSet();
    for (String source : sources) {
      if (source.charAt(0) == 'N') {
        made.set(typeId(source.substring(2)));
      }
    }
    for (int id = types.nextSetBit(0); id >= 0; id = types.nextSetBit(id + 1)) {
      note(givenCreators, holder, id, made.get(id) ? owner : null);
    }
  }

  /** Notes in {@code map} that {@code creator} (null: not known to be the holder's) put type {@code id} at {@code node}. */
  private static void note(Map<Node, Map<Integer, Set<String>>> map, Node node, int id, String creator) {
    map.computeIfAbsent(node, n -> new HashMap<>()).computeIfAbsent(id, t -> new HashSet<>()).add(creator);
  }

  /**
   * Notes, per type created into {@code field} or a parameter ({@code N} sources) by a body of
   * class {@code owner}, that class; null where it is not the object the node is kept by.
   */
  private void creators(Node field, List<String> sources, String owner) {
    for (String source : sources) {
      if (source.charAt(0) == 'N') {
        note(creators, field, typeId(source.substring(2)), owner);
      }
    }
  }

  /**
   * Whether a field's node is a back-pointer's: some {@code this} reaches it, or the object holding
   * it registers itself with what it names; nothing unknown, no collection's contents. Objects of
   * its type the flow cannot follow may reach it too ({@link #bound}s: a stream made for the
   * channel a library callback hands over, beside the streams each channel makes with {@code
   * this}): the presumption that what it leads back to is its owner is the same for them.
   */
  private boolean pointsBack(Node node) {
    return (node.self || node.registered) && !node.unknown && node.written.isEmpty() && !node.writtenUnknown;
  }

  /** Whether a back-pointer of {@code holder} (declared in it or a supertype) may hold a {@code type}. */
  private boolean pointsBackTo(String holder, String type) {
    if (ownersByHolder == null) {
      ownersByHolder = new HashMap<>();
      for (Node node : fields.values()) {
        if (pointsBack(node)) {
          ownersByHolder.computeIfAbsent(node.declaring, d -> new HashSet<>()).addAll(Arrays.asList(names(node.types)));
        }
      }
    }
    for (String declaring : types.lookupOrder(holder)) {
      Set<String> owners = ownersByHolder.get(declaring);
      if (owners != null && owners.contains(type)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The types of {@code staticType} the object locked at {@code at} may have ({@link #narrowed});
   * {@link #UNKNOWN} when not known. Asked once per held lock of every composed acquisition, so
   * answered once per position and type.
   */
  String[] monitor(Provenance at, String staticType) {
    String key = at.file() + ":" + position(at);
    String asked = key + " " + staticType;
    String[] answer = monitorAnswers.get(asked);
    if (answer == null) {
      Value value = monitors.get(key);
      String[] narrowed = value == null ? UNKNOWN : narrowed(types(value), staticType, types);
      answer = narrowed == UNKNOWN ? NOT_KNOWN : narrowed;
      monitorAnswers.put(asked, answer);
    }
    return answer == NOT_KNOWN ? UNKNOWN : answer;
  }

  /**
   * Of {@code flowed} (a value of {@link #receiver}), the program's types that are subtypes of
   * {@code staticType}, or all of them when the static type is the JDK's ({@code null}: an {@code
   * Object} whose {@code toString()} runs); {@link #UNKNOWN} when the value is unknown or leaves
   * none. A static type of a library without summaries (a listener interface the library calls
   * back) narrows as the program's do: Java's typing holds there too, so the types the flow brings
   * are what the receiver may be, as far as the program's declarations can tell they are of it.
   */
  static String[] narrowed(String[] flowed, String staticType, TypeHierarchy types) {
    if (flowed == UNKNOWN) {
      return UNKNOWN;
    }
    boolean library = staticType != null && !types.knows(staticType);
    String[] kept = new String[flowed.length];
    int n = 0;
    for (String type : flowed) {
      if (type.charAt(0) == BOUND) {
        // An unknown object of a type: unknown here, unless it cannot be of the static type.
        if (staticType == null || library || types.mayBeBoth(type.substring(1), staticType)) {
          return UNKNOWN;
        }
      } else if (types.knows(type)
          && (staticType == null
              || (library ? types.mayBeOfLibraryType(type, staticType) : types.isSubtype(type, staticType)))) {
        kept[n++] = type;
      }
    }
    return n == 0 ? UNKNOWN : n == kept.length ? flowed : Arrays.copyOf(kept, n);
  }

  /**
   * The types an object of {@code flowed} (a value of {@link #receiver}) is known to be a subtype
   * of where the flow knows no types: the {@link #bound}s it holds, and each other type it holds
   * that is no subtype of one of them (a typed field or parameter holding what reached it of its
   * type and what it cannot follow; a connection's reference holding sessions the flow cannot
   * follow and connections it can); null when it holds no bound.
   */
  static String[] bounds(String[] flowed, TypeHierarchy types) {
    if (flowed == UNKNOWN) {
      return null;
    }
    List<String> bounds = new ArrayList<>(1);
    for (String type : flowed) {
      if (type.charAt(0) == BOUND) {
        if (!types.knows(type.substring(1))) {
          return null;
        }
        bounds.add(type.substring(1));
      }
    }
    if (bounds.isEmpty()) {
      return null;
    }
    List<String> of = List.copyOf(bounds);
    for (String type : flowed) {
      if (type.charAt(0) != BOUND && of.stream().noneMatch(bound -> types.isSubtype(type, bound))) {
        bounds.add(type);
      }
    }
    return bounds.toArray(new String[0]);
  }

  private static String position(Provenance at) {
    return at.line() + ":" + at.column();
  }

  private static String monitorKey(MethodSummary summary, String position) {
    for (MethodSummary.Acquisition acquisition : summary.acquisitions()) {
      if (position(acquisition.at()).equals(position)) {
        return acquisition.at().file() + ":" + position;
      }
    }
    return position;
  }

  private boolean overridesOutside(Body body) {
    for (String overridden : body.summary.overrides()) {
      if (targets.apply(overridden).length == 0 || JdkPackages.declares(overridden)) {
        return true;
      }
    }
    return false;
  }

  private Node field(String name) {
    return fields.computeIfAbsent(name, n -> {
      Node node = newNode();
      node.declaring = n.substring(2, n.lastIndexOf('.'));
      return node;
    });
  }

  private Node returned(Body body) {
    return returns.computeIfAbsent(body, b -> newNode());
  }

  /** The node of parameter {@code position} of {@code body}; null when it has no such parameter. */
  private Node parameter(Body body, int position) {
    int count = body.summary.parameters().size();
    if (position >= count) {
      return null;
    }
    Node[] own = parameters.computeIfAbsent(body, b -> new Node[count]);
    if (own[position] == null) {
      own[position] = newNode();
      own[position].parameter = true;
      own[position].declared = declared(ClassHierarchy.parameterType(body.id.text, position));
    }
    return own[position];
  }

  private Node newNode() {
    Node node = new Node();
    nodes.add(node);
    return node;
  }

  private int typeId(String type) {
    Integer id = typeIds.get(type);
    if (id == null) {
      id = typeNames.size();
      typeIds.put(type, id);
      typeNames.add(type);
      if (type.startsWith(MethodSummary.FUNCTION)) {
        functionIds.set(id);
        if (JdkPackages.declares(MethodSummary.functionMethod(type))) {
          jdkFunctionIds.set(id);
        }
      }
    }
    return id;
  }

  /** The sources of a flow of {@code body}, resolved to nodes and created types. */
  private Value value(List<String> sources, Body body) {
    Value value = new Value();
    for (String source : sources) {
      switch (source.charAt(0)) {
        case 'N' -> value.types.set(typeId(source.substring(2)));
        case 'A' -> {} // a new object of a library type: it holds what the program gives it
        case 'T' -> {
          String type = source.substring(2);
          value.self = true;
          if (types.knows(type)) {
            for (String concrete : types.concreteSubtypes(type)) {
              value.types.set(typeId(concrete));
            }
          } else {
            value.unknown = true;
          }
        }
        case 'B' -> {
          // What a cast's operand is declared as: the object is of it, whatever else merged there.
          String type = source.substring(2);
          if (types.knows(type)) {
            value.declared = BOUND + type;
          }
        }
        case 'F' -> value.nodes.add(field(source));
        case 'K' -> {
          // The receiver of a JDK method the program implements: a library's object there returns
          // what the flow cannot follow.
          Value receiver = value(List.of(source.substring(2)), body);
          value.unknown |= receiver.unknown;
          value.unknownIf.addAll(receiver.nodes);
          value.unknownIf.addAll(receiver.unknownIf);
        }
        case 'P' -> {
          Node parameter = parameter(body, Integer.parseInt(source, 2, source.length(), 10));
          if (parameter == null) {
            value.unknown = true;
          } else {
            value.nodes.add(parameter);
          }
        }
        case 'C' -> {
          String callee = source.substring(2);
          Body[] called = targets.apply(callee);
          // A method of a program type that nothing implements returns nothing; a library's
          // method the program has no summary of returns what the flow cannot follow.
          String owner = ClassHierarchy.owner(callee);
          if (called.length == 0 && (owner == null || !types.knows(owner))) {
            value.unknown = true;
          }
          for (Body target : called) {
            BitSet fresh = allocated(target);
            if (fresh != null) {
              value.types.or(fresh);
            } else {
              value.nodes.add(returned(target));
            }
          }
        }
        default -> value.unknown = true;
      }
    }
    return value;
  }

  /**
   * The types {@code body} creates and returns when every object it returns is one it creates
   * there ({@code return new ArrayList<>(4);}, of no program type: none), else null. Each call of
   * such a factory is an allocation of its own, as a {@code new} expression is: the collections
   * two fields are initialised with by one factory are two collections, and what one is given to
   * hold does not reach the other through the factory's single return.
   */
  private BitSet allocated(Body body) {
    BitSet fresh = allocators.get(body);
    if (fresh == null) {
      fresh = NOT_ALLOCATED;
      // A body's returns are one flow.
      for (MethodSummary.Flow flow : body.summary.flows()) {
        if (flow.target().charAt(0) == 'R') {
          fresh = created(flow.sources());
          break;
        }
      }
      allocators.put(body, fresh);
    }
    return fresh == NOT_ALLOCATED ? null : fresh;
  }

  /** The types of {@code sources} when each is an object created there, else {@link #NOT_ALLOCATED}. */
  private BitSet created(List<String> sources) {
    BitSet types = new BitSet();
    for (String source : sources) {
      switch (source.charAt(0)) {
        case 'N' -> types.set(typeId(source.substring(2)));
        case 'A' -> {}
        default -> {
          return NOT_ALLOCATED;
        }
      }
    }
    return types;
  }

  private void into(Node node, Value value) {
    node.types.or(value.types);
    if (value.unknown) {
      becomeUnknown(node);
    }
    keepCompatible(node);
    node.self |= value.self;
    for (Node from : value.nodes) {
      if (from != node) {
        from.next.add(node);
        node.previous.add(from);
      }
    }
    for (Node from : value.unknownIf) {
      if (from != node) {
        from.unknownInto.add(node);
      }
    }
  }

  /**
   * Propagates types forward along the edges, and what collections are given to hold backward to
   * every node their objects came from (a write into a node is a write into each node that flows
   * into it), until nothing changes. Each edge is followed in both directions at most once per
   * change at its ends, so the work is linear in the edges times the types.
   */
  private void solve() {
    ArrayDeque<Node> work = new ArrayDeque<>(nodes);
    Set<Node> queued = Collections.newSetFromMap(new IdentityHashMap<>());
    queued.addAll(work);
    while (!work.isEmpty()) {
      Node node = work.poll();
      queued.remove(node);
      // What the object was given to hold, it holds.
      if (node.writtenUnknown) {
        becomeUnknown(node);
      }
      if (!node.unknown) {
        node.types.or(node.written);
        keepCompatible(node);
      }
      if (!node.unknown && node.types.cardinality() > MAX_TYPES) {
        node.unknown = true;
      }
      if (node.unknown) {
        node.types.clear();
      }
      for (Node to : node.next) {
        if (flowTypes(node, to) && queued.add(to)) {
          work.add(to);
        }
      }
      for (Node holder : node.writesInto) {
        if (flowWritten(node.unknown, node.types, holder) && queued.add(holder)) {
          work.add(holder);
        }
      }
      if (node.unknown) {
        for (Node made : node.unknownInto) {
          if (!made.unknown) {
            int before = made.types.cardinality();
            becomeUnknown(made);
            if ((made.unknown || made.types.cardinality() != before) && queued.add(made)) {
              work.add(made);
            }
          }
        }
      }
      for (Node from : node.previous) {
        if (flowWritten(node.writtenUnknown, node.written, from) && queued.add(from)) {
          work.add(from);
        }
      }
    }
  }

  /** Adds {@code from}'s types to {@code to}'s; whether {@code to} changed. */
  private boolean flowTypes(Node from, Node to) {
    if (to.unknown) {
      return false;
    }
    boolean changed = from.self && !to.self;
    to.self |= from.self;
    int before = to.types.cardinality();
    if (from.unknown) {
      becomeUnknown(to);
      if (to.unknown) {
        return true;
      }
    } else {
      to.types.or(from.types);
      keepCompatible(to);
    }
    return changed || to.types.cardinality() != before;
  }

  /**
   * Makes {@code node} unknown: an object of its declared type where it has one ({@link
   * Node#declared}: {@code ?pkg.Type}, a bound), else anything.
   */
  private void becomeUnknown(Node node) {
    if (node.declared == null) {
      node.unknown = true;
    } else {
      node.types.set(bound(node.declared));
    }
  }

  /** The id of the bound {@code ?type}: an object of {@code type} the flow cannot follow. */
  private int bound(String type) {
    int id = typeId(BOUND + type);
    bounds.set(id);
    return id;
  }

  /**
   * Drops from a node declared of a type the types that are not its subtypes and the bounds no
   * object of it is within: Java's types say the node holds objects of its type, and a node of a
   * type that holds nothing stands for no contents.
   */
  private void keepCompatible(Node node) {
    if (node.declared == null) {
      return;
    }
    Fitting fitting = fittings.computeIfAbsent(node.declared, d -> new Fitting());
    for (int id = node.types.nextSetBit(0); id >= 0; id = node.types.nextSetBit(id + 1)) {
      if (!fitting.decided.get(id)) {
        fitting.decided.set(id);
        String type = typeNames.get(id);
        boolean fits =
            bounds.get(id) ? types.mayBeBoth(type.substring(1), node.declared)
                : type.startsWith(MethodSummary.FUNCTION) ? functionFits(type, node.declared)
                : types.isSubtype(type, node.declared);
        fitting.fits.set(id, fits);
      }
    }
    node.types.and(fitting.fits);
  }

  /**
   * Whether a lambda or method reference ({@link MethodSummary#FUNCTION}) may be of {@code declared}:
   * the interface declaring its method is that type, a supertype or a subtype of it.
   */
  private boolean functionFits(String function, String declared) {
    String owner = ClassHierarchy.owner(MethodSummary.functionMethod(function));
    return owner != null && (types.isSubtype(declared, owner) || types.isSubtype(owner, declared));
  }

  /** Per declared type, which types and bounds a node of it may hold, as far as asked. */
  private static final class Fitting {
    final BitSet decided = new BitSet();
    final BitSet fits = new BitSet();
  }

  /**
   * {@code type} when it is a type of the program that holds nothing, nor does any of its classes
   * (every JDK type above them is of {@link #HOLDING_NOTHING}); else null. An array, a JDK type or
   * a collection of the program's is no bound: what a node of it stands for may be what it holds.
   */
  private String declared(String type) {
    String known = declaredTypes.computeIfAbsent(type, t -> {
      if (!types.knows(t) || !holdsNothing(t)) {
        return "";
      }
      // An object of it may be of any of its classes: each holds nothing too.
      for (String concrete : types.concreteSubtypes(t)) {
        if (!holdsNothing(concrete)) {
          return "";
        }
      }
      return t;
    });
    return known.isEmpty() ? null : known;
  }

  /** Whether every JDK type above {@code type} is of {@link #HOLDING_NOTHING}. */
  private boolean holdsNothing(String type) {
    for (String up : types.lookupOrder(type)) {
      if (JdkPackages.declares(up) && !HOLDING_NOTHING.contains(up)) {
        return false;
      }
    }
    return true;
  }

  /** Adds {@code types} (or unknown) to what {@code holder} was given to hold; whether it changed. */
  private static boolean flowWritten(boolean unknown, BitSet types, Node holder) {
    if (holder.writtenUnknown) {
      return false;
    }
    if (unknown) {
      holder.writtenUnknown = true;
      return true;
    }
    int before = holder.written.cardinality();
    holder.written.or(types);
    return holder.written.cardinality() != before;
  }

  /** The names of the types {@code value} may be, in name order; {@link #UNKNOWN} when unknown. */
  private String[] types(Value value) {
    if (value.unknown) {
      return UNKNOWN;
    }
    BitSet all = (BitSet) value.types.clone();
    for (Node node : value.nodes) {
      if (node.unknown) {
        return UNKNOWN;
      }
      all.or(node.types);
    }
    for (Node node : value.unknownIf) {
      if (node.unknown) {
        return UNKNOWN;
      }
    }
    return valueNames(all);
  }

  /** The names of {@code types}, in name order, without the lambdas and method references. */
  private String[] names(BitSet types) {
    if (types.intersects(functionIds)) {
      types = (BitSet) types.clone();
      types.andNot(functionIds);
    }
    return sortedNames(types);
  }

  /** The names of every type of {@code types}, in name order. */
  private String[] sortedNames(BitSet types) {
    String[] names = new String[types.cardinality()];
    int n = 0;
    for (int id = types.nextSetBit(0); id >= 0; id = types.nextSetBit(id + 1)) {
      names[n++] = typeNames.get(id);
    }
    Arrays.sort(names);
    return names;
  }

  /**
   * {@link #names}, as a value of the flow: {@link #UNKNOWN} where it holds a lambda or method
   * reference of a JDK interface, which no type of the program names. What such a value runs for
   * its interface's method is {@link #functions}' to say.
   */
  private String[] valueNames(BitSet types) {
    return types.intersects(jdkFunctionIds) ? UNKNOWN : names(types);
  }

  /**
   * The lambdas and method references ({@link MethodSummary#FUNCTION}) the flow brings to the
   * receiver of {@code call} in {@code body}, in name order; none where it brings none or does
   * not know.
   */
  String[] functions(Body body, MethodSummary.CallSite call) {
    Value value = use(body, call);
    if (value == null) {
      return new String[0];
    }
    BitSet all = (BitSet) value.types.clone();
    for (Node node : value.nodes) {
      all.or(node.types);
    }
    all.and(functionIds);
    return sortedNames(all);
  }
}
