package dev.lockdep.lockgraph.program;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The classes and interfaces of the program, from the units being composed and the summaries on
 * the class path: which types an object of a static type can have, and which body a call runs on
 * an object of a given runtime type. Types the program does not declare (the JDK's, a library's
 * without summaries) are leaves: nothing is known above them, and no object of the program is
 * known to be of them alone.
 *
 * <p>A body runs for a runtime type {@code T} when it is the first body met walking up from
 * {@code T}, superclasses first and then interfaces (default methods), that has the called id or
 * declares it overrides it: Java's method selection, over the bodies the summaries have.
 */
final class TypeHierarchy {
  private static final String[] NONE = {};

  private final Map<String, TypeDecl> types = new HashMap<>();
  /** Per type, the types that name it as their superclass or an interface. */
  private final Map<String, List<String>> direct = new HashMap<>();
  /** Per type, its concrete subtypes, itself included when concrete, in name order. */
  private final Map<String, String[]> concrete = new HashMap<>();
  /** Per type, itself, its superclasses in order, then its interfaces breadth first. */
  private final Map<String, String[]> lookup = new HashMap<>();
  /**
   * Per called id, per owner type, the body that type declares for it: a body with that id, or
   * one that declares it overrides it.
   */
  private final Map<String, Map<String, Body>> declared = new HashMap<>();
  /** Per wrapper class, the types of the objects it wraps ({@link #wraps}). */
  private final Map<String, Set<String>> wrapped = new HashMap<>();
  /** {@link #mayBeBoth}'s answers, by {@code a + " " + b}. */
  private final Map<String, Boolean> both = new HashMap<>();
  /** Per type, per kind, the answer of {@link #wraps}: asked per dispatched body, it walks both hierarchies. */
  private final Map<String, Map<String, Boolean>> wrapsAnswers = new HashMap<>();

  /** Adds the types of a unit; the first declaration of a name wins, as for bodies. */
  void add(Collection<TypeDecl> declarations) {
    for (TypeDecl type : declarations) {
      if (types.putIfAbsent(type.name(), type) == null) {
        if (type.superclass() != null) {
          direct.computeIfAbsent(type.superclass(), k -> new ArrayList<>(2)).add(type.name());
        }
        for (String implemented : type.interfaces()) {
          direct.computeIfAbsent(implemented, k -> new ArrayList<>(2)).add(type.name());
        }
      }
    }
  }

  /** Indexes {@code body} under its owner for its id and every id it overrides. */
  void declare(Body body) {
    String id = body.id.text;
    int hash = id.indexOf('#');
    if (hash <= 0 || id.startsWith("lambda@")) {
      return;
    }
    String owner = id.substring(0, hash);
    declared.computeIfAbsent(id, k -> new HashMap<>(2)).putIfAbsent(owner, body);
    for (String overridden : body.summary.overrides()) {
      declared.computeIfAbsent(overridden, k -> new HashMap<>(2)).putIfAbsent(owner, body);
    }
  }

  /** Whether the program declares {@code type}. */
  boolean knows(String type) {
    return type != null && types.containsKey(type);
  }

  /** How reports print {@code type}: its simple name, or its name when the program does not declare it. */
  String simpleName(String type) {
    TypeDecl decl = types.get(type);
    if (decl != null) {
      return decl.simpleName();
    }
    int dot = type.lastIndexOf('.');
    return dot < 0 ? type : type.substring(dot + 1);
  }

  /** The concrete types an object of static type {@code type} may have, in name order. */
  String[] concreteSubtypes(String type) {
    String[] known = concrete.get(type);
    if (known == null) {
      Set<String> found = new TreeSet<>();
      Set<String> seen = new HashSet<>();
      List<String> work = new ArrayList<>();
      work.add(type);
      seen.add(type);
      for (int i = 0; i < work.size(); i++) {
        String t = work.get(i);
        TypeDecl decl = types.get(t);
        if (decl != null && decl.concrete()) {
          found.add(t);
        }
        for (String sub : direct.getOrDefault(t, List.of())) {
          if (seen.add(sub)) {
            work.add(sub);
          }
        }
      }
      known = found.isEmpty() ? NONE : found.toArray(NONE);
      concrete.put(type, known);
    }
    return known;
  }

  /** Notes that {@code wrapper}, a subtype of {@code type}, calls a method of {@code type} on a field of its own. */
  void addWrapper(String wrapper, String type) {
    wrapped.computeIfAbsent(wrapper, k -> new HashSet<>(2)).add(type);
    wrapsAnswers.clear();
  }

  /**
   * Whether objects of class {@code type} wrap another object of {@code wrapped}, one of their own
   * supertypes: a decorator, a proxy, a synchronized view, calling the methods it implements on a
   * delegate it keeps in a field. Class-hierarchy analysis does not guess that an object of unknown
   * type is one: a wrapper only passes the call on to an object the analysis would not know either,
   * and guessing wrappers inside wrappers makes up orders between their locks that no program
   * builds. Where the walk knows an object is a wrapper (it was created, or passed in, as one), its
   * methods run as any other. A wrapper of a narrower kind is one too: a synchronized {@code
   * ListMultimap} view wraps a {@code Multimap} as much as a {@code ListMultimap}.
   */
  boolean wraps(String type, String kind) {
    if (wrapped.isEmpty()) {
      return false;
    }
    return wrapsAnswers.computeIfAbsent(type, t -> new HashMap<>()).computeIfAbsent(kind, k -> findWraps(type, k));
  }

  private boolean findWraps(String type, String kind) {
    // A subclass of a wrapper that inherits its forwarding methods is one too.
    for (String up : lookupOrder(type)) {
      for (String delegate : wrapped.getOrDefault(up, Set.of())) {
        if (isSubtype(delegate, kind)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether an object may be both an {@code a} and a {@code b}: one is the other's subtype, or a
   * concrete class of the program is a subtype of both. In the closed world of the program an
   * object is of one of its classes.
   */
  boolean mayBeBoth(String a, String b) {
    return both.computeIfAbsent(a + " " + b, key -> {
      if (isSubtype(a, b) || isSubtype(b, a)) {
        return true;
      }
      for (String type : concreteSubtypes(a)) {
        if (isSubtype(type, b)) {
          return true;
        }
      }
      return false;
    });
  }

  /** Whether {@code sub} is {@code type} or one of its subtypes, as far as the program declares them. */
  boolean isSubtype(String sub, String type) {
    for (String up : lookupOrder(sub)) {
      if (up.equals(type)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The body a call of {@code callee} runs on an object of runtime type {@code type}, or null
   * when none of the bodies the program has is selected for it.
   */
  Body select(String type, String callee) {
    Map<String, Body> byOwner = declared.get(callee);
    int hash = callee.indexOf('#');
    String method = hash <= 0 || !mayBe(type, callee.substring(0, hash)) ? null : callee.substring(hash);
    for (String up : lookupOrder(type)) {
      Body body = byOwner == null ? null : byOwner.get(up);
      if (body == null && method != null) {
        // A class implements an interface's method with the method of the same signature it
        // inherits from a superclass that does not implement the interface (JLS 8.4.8).
        Map<String, Body> own = declared.get(up + method);
        body = own == null ? null : own.get(up);
      }
      if (body != null) {
        return body;
      }
    }
    return null;
  }

  /**
   * Whether an object of {@code type} may be an {@code owner}, the type declaring a method asked
   * of it: {@code owner} is among its supertypes (a program type's declaration names the JDK's
   * types above it too: a class implementing {@code ConcurrentMap} is a {@code Map}), or, for a
   * type the program does not declare or that has a supertype of a library it has no summaries
   * of, {@code owner} is the JDK's (and so is the type, where it is not declared). A method of the
   * same signature does not implement {@code owner}'s in a class that is none (an element's {@code
   * remove(K)} is not its map's {@code remove(Object)}, though the type flow brings both to a map's
   * value; a {@code Connection}'s {@code close()} is no {@code Statement}'s).
   */
  private boolean mayBe(String type, String owner) {
    if (owner.equals("java.lang.Object")) {
      return true;
    }
    if (!types.containsKey(type)) {
      return type.equals(owner) || (JdkPackages.declares(owner) && JdkPackages.declares(type));
    }
    Boolean above = above(type, owner);
    return above == null ? JdkPackages.declares(owner) : above;
  }

  /**
   * Whether an object of the program's type {@code type} may be of {@code libraryType}, a type no
   * summary declares (an interface of a library without summaries, {@code ChannelListener}): it is
   * among {@code type}'s supertypes, or may be above one of a library the summaries do not follow.
   */
  boolean mayBeOfLibraryType(String type, String libraryType) {
    return !Boolean.FALSE.equals(above(type, libraryType));
  }

  /**
   * Whether {@code owner} is among the supertypes of the program's type {@code type}: true, false,
   * or null where it is not, but one of them is a library's without summaries, above which the
   * program's declarations name nothing.
   */
  private Boolean above(String type, String owner) {
    boolean complete = true;
    for (String up : lookupOrder(type)) {
      if (up.equals(owner)) {
        return true;
      }
      complete &= types.containsKey(up) || JdkPackages.declares(up);
    }
    return complete ? Boolean.FALSE : null;
  }

  /** The owners of bodies declared for {@code callee}: where {@link #select} may find one. */
  Collection<Body> declaring(String callee) {
    Map<String, Body> byOwner = declared.get(callee);
    return byOwner == null ? List.of() : byOwner.values();
  }

  /** {@code type}, its superclasses from the nearest, then its interfaces: where a member of it is looked up. */
  String[] lookupOrder(String type) {
    String[] order = lookup.get(type);
    if (order == null) {
      List<String> classes = new ArrayList<>();
      List<String> interfaces = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (String t = type; t != null && seen.add(t); ) {
        classes.add(t);
        TypeDecl decl = types.get(t);
        t = decl == null ? null : decl.superclass();
      }
      for (int i = 0; i < classes.size(); i++) {
        TypeDecl decl = types.get(classes.get(i));
        if (decl != null) {
          interfaces.addAll(decl.interfaces());
        }
      }
      for (int i = 0; i < interfaces.size(); i++) {
        String t = interfaces.get(i);
        if (!seen.add(t)) {
          interfaces.remove(i--);
          continue;
        }
        TypeDecl decl = types.get(t);
        if (decl != null) {
          interfaces.addAll(decl.interfaces());
        }
      }
      classes.addAll(interfaces);
      order = classes.toArray(NONE);
      lookup.put(type, order);
    }
    return order;
  }
}
