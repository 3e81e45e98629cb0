package dev.lockdep.checker.analysis;

import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The JDK lock types the front end recognises without annotations. Whether a declared type is a
 * subtype of one depends on its class alone (the erasure drops the type arguments), so each class
 * is asked once per compilation: every lock expression, receiver and argument asks.
 */
final class LockTypes {
  /** How many JDK types there are, each answered at its index in {@link #subtypes}. */
  private static final int SUPERTYPES = 8;

  /** The JDK's base of locks and latches, on which a program may build a lock of its own. */
  static final String SYNCHRONIZER = "java.util.concurrent.locks.AbstractQueuedSynchronizer";

  private final Types types;
  /** For each class asked about, whether it is a subtype of each JDK type; null where not asked yet. */
  private final RecentlyAsked<Element, Boolean[]> subtypes = new RecentlyAsked<>(() -> new Boolean[SUPERTYPES]);
  private final Supertype lock;
  private final Supertype readWriteLock;
  private final Supertype stampedLock;
  private final Supertype semaphore;
  private final Supertype condition;
  private final Supertype readLockView;
  private final Supertype concurrentHashMap;
  private final Supertype synchronizer;

  LockTypes(ElementLookups lookups, Types types) {
    this.types = types;
    this.lock = new Supertype(lookups, "java.util.concurrent.locks.Lock", 0);
    this.readWriteLock = new Supertype(lookups, "java.util.concurrent.locks.ReadWriteLock", 1);
    this.stampedLock = new Supertype(lookups, "java.util.concurrent.locks.StampedLock", 2);
    this.semaphore = new Supertype(lookups, "java.util.concurrent.Semaphore", 3);
    this.condition = new Supertype(lookups, "java.util.concurrent.locks.Condition", 4);
    this.readLockView = new Supertype(lookups, "java.util.concurrent.locks.ReentrantReadWriteLock.ReadLock", 5);
    this.concurrentHashMap = new Supertype(lookups, "java.util.concurrent.ConcurrentHashMap", 6);
    this.synchronizer = new Supertype(lookups, SYNCHRONIZER, 7);
  }

  /** One of the JDK types, erased, and its index in the answers of {@link #subtypes}. */
  private final class Supertype {
    private final TypeMirror erased;
    private final int index;

    Supertype(ElementLookups lookups, String name, int index) {
      TypeElement element = lookups.jdkType(name);
      this.erased = element == null ? null : types.erasure(element.asType());
      this.index = index;
    }

    boolean of(TypeMirror type) {
      if (type == null || erased == null || type.getKind() != TypeKind.DECLARED) {
        return false;
      }
      Boolean[] answers = subtypes.get(((DeclaredType) type).asElement());
      Boolean known = answers[index];
      if (known == null) {
        known = types.isSubtype(types.erasure(type), erased);
        answers[index] = known;
      }
      return known;
    }
  }

  boolean isLock(TypeMirror type) {
    return lock.of(type);
  }

  boolean isReadWriteLock(TypeMirror type) {
    return readWriteLock.of(type);
  }

  boolean isStampedLock(TypeMirror type) {
    return stampedLock.of(type);
  }

  boolean isSemaphore(TypeMirror type) {
    return semaphore.of(type);
  }

  boolean isCondition(TypeMirror type) {
    return condition.of(type);
  }

  /** {@code ReentrantReadWriteLock.ReadLock}: a read view whatever expression it came from. */
  boolean isReadLockView(TypeMirror type) {
    return readLockView.of(type);
  }

  /** {@code ConcurrentHashMap}, whose bins are locks of the JDK's own ({@link LockOperations#mapBins}). */
  boolean isConcurrentHashMap(TypeMirror type) {
    return concurrentHashMap.of(type);
  }

  /** {@code AbstractQueuedSynchronizer}, on which a program builds a lock of its own. */
  boolean isSynchronizer(TypeMirror type) {
    return synchronizer.of(type);
  }

  Types types() {
    return types;
  }
}
