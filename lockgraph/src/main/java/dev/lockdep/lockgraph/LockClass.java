package dev.lockdep.lockgraph;

import java.util.Comparator;
import java.util.Objects;

/**
 * A lock class: the node of the dependency graph. lockdep validates classes, not instances;
 * identity is {@code (key, subclass)} exactly as lockdep's class key is {@code key->subkeys +
 * subclass}. The display name, reentrancy and pseudo kind are descriptive: two objects with the
 * same key and subclass are the same class whatever they say about those.
 */
public final class LockClass implements Comparable<LockClass> {
  /** lockdep's {@code MAX_LOCKDEP_SUBCLASSES}. */
  public static final int MAX_SUBCLASSES = 8;

  /** The reclaim pseudo-lock; keys starting with {@code #} are reserved for pseudo-locks. */
  public static final LockClass FS_RECLAIM =
      new LockClass("#fs_reclaim", 0, "fs_reclaim", false, PseudoLock.FS_RECLAIM);

  /**
   * How the key of a class's initialization lock ends, {@code pkg.Type.<clinit>} (a name no field
   * has): the JVM initializes a class holding a lock of the class, which a use of the class by
   * another thread waits for.
   */
  public static final String INITIALIZATION = ".<clinit>";

  /** The fence-signalling pseudo-lock. */
  public static final LockClass DMA_FENCE_MAP =
      new LockClass("#dma_fence_map", 0, "dma_fence_map", false, PseudoLock.DMA_FENCE_MAP);

  /**
   * When units disagree about the description of one class, the merged graph keeps the least
   * under this order, so the choice does not depend on merge order. A non-reentrant claim wins
   * over the reentrant default because only an explicit annotation produces it.
   */
  static final Comparator<LockClass> DESCRIPTION_ORDER = LockClass::compareDescriptions;

  private final String key;
  private final int subclass;
  private final String name;
  private final boolean reentrant;
  private final PseudoLock pseudo;
  private final boolean typed;
  /** {@link #initializedClass}: asked of every acquisition the composition emits. */
  private final String initialized;

  /** An ordinary, not {@link #typed} class. */
  public LockClass(String key, int subclass, String name, boolean reentrant, PseudoLock pseudo) {
    this(key, subclass, name, reentrant, pseudo, false);
  }

  /**
   * @param key the class key (annotation value, {@code pkg.Type.field}, ...)
   * @param subclass 0..7, lockdep's nesting subclass
   * @param name the base name printed in reports
   * @param reentrant whether the owner may re-acquire one instance without deadlocking
   * @param pseudo which pseudo-lock this is, if any
   * @param typed whether this is the monitor of an object whose class is its runtime type, of
   *     which {@code key} is the static type: composition puts the runtime type there where the
   *     program says which it is ({@link #ofType})
   */
  public LockClass(String key, int subclass, String name, boolean reentrant, PseudoLock pseudo, boolean typed) {
    if (key.isEmpty()) {
      throw new IllegalArgumentException("empty lock class key");
    }
    if (subclass < 0 || subclass >= MAX_SUBCLASSES) {
      throw new IllegalArgumentException(
          "subclass " + subclass + " of " + key + " out of range 0.." + (MAX_SUBCLASSES - 1));
    }
    this.key = key;
    this.subclass = subclass;
    this.name = Objects.requireNonNull(name);
    this.reentrant = reentrant;
    this.pseudo = Objects.requireNonNull(pseudo);
    this.typed = typed;
    this.initialized = key.endsWith(INITIALIZATION) ? key.substring(0, key.length() - INITIALIZATION.length()) : null;
  }

  /** A reentrant ordinary class named after its key, subclass 0. */
  public static LockClass of(String key) {
    return new LockClass(key, 0, key, true, PseudoLock.NONE);
  }

  /** A reentrant ordinary class named after its key. */
  public static LockClass of(String key, int subclass) {
    return new LockClass(key, subclass, key, true, PseudoLock.NONE);
  }

  /** The same lock with another subclass ({@code *_nested(lock, subclass)}). */
  public LockClass withSubclass(int newSubclass) {
    return new LockClass(key, newSubclass, name, reentrant, pseudo, typed);
  }

  /** The same class, described as non-reentrant. */
  public LockClass nonReentrant() {
    return new LockClass(key, subclass, name, false, pseudo, typed);
  }

  /** The same class with another display name. */
  public LockClass withName(String newName) {
    return new LockClass(key, subclass, newName, reentrant, pseudo, typed);
  }

  /**
   * The monitor of an object of runtime type {@code type} (printed {@code name}) that this
   * {@link #typed} class stood for: the class the object has, whatever type the code named it by.
   */
  public LockClass ofType(String type, String typeName) {
    return new LockClass(type, subclass, typeName, reentrant, pseudo, false);
  }

  public String key() {
    return key;
  }

  /** The class whose initialization this lock is ({@link #INITIALIZATION}), or null for any other lock. */
  public String initializedClass() {
    return initialized;
  }

  public int subclass() {
    return subclass;
  }

  /** The base name, without the subclass. */
  public String name() {
    return name;
  }

  /** The name as lockdep prints it: {@code name}, or {@code name/N} for subclass N > 0. */
  public String displayName() {
    return subclass == 0 ? name : name + "/" + subclass;
  }

  public boolean reentrant() {
    return reentrant;
  }

  public PseudoLock pseudo() {
    return pseudo;
  }

  /** Whether the key is only the static type of the object whose monitor this is ({@link #ofType}). */
  public boolean typed() {
    return typed;
  }

  @Override
  public int compareTo(LockClass other) {
    int c = key.compareTo(other.key);
    return c != 0 ? c : Integer.compare(subclass, other.subclass);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LockClass other && key.equals(other.key) && subclass == other.subclass;
  }

  @Override
  public int hashCode() {
    return key.hashCode() * 31 + subclass;
  }

  @Override
  public String toString() {
    return displayName();
  }

  /** By name, reentrant, then pseudo kind. */
  // One method, not a chain of key extractors: see DependencyEdge#compareFacts.
  private static int compareDescriptions(LockClass a, LockClass b) {
    int c = a.name.compareTo(b.name);
    if (c == 0) {
      c = Boolean.compare(a.reentrant, b.reentrant);
    }
    return c != 0 ? c : a.pseudo.compareTo(b.pseudo);
  }
}
