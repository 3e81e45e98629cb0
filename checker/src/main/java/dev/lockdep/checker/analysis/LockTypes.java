package dev.lockdep.checker.analysis;

import java.util.HashMap;
import java.util.Map;
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
  private final Types types;
  private final Supertype lock;
  private final Supertype readWriteLock;
  private final Supertype stampedLock;
  private final Supertype semaphore;
  private final Supertype condition;
  private final Supertype readLockView;

  LockTypes(ElementLookups lookups, Types types) {
    this.types = types;
    this.lock = new Supertype(lookups, "java.util.concurrent.locks.Lock");
    this.readWriteLock = new Supertype(lookups, "java.util.concurrent.locks.ReadWriteLock");
    this.stampedLock = new Supertype(lookups, "java.util.concurrent.locks.StampedLock");
    this.semaphore = new Supertype(lookups, "java.util.concurrent.Semaphore");
    this.condition = new Supertype(lookups, "java.util.concurrent.locks.Condition");
    this.readLockView = new Supertype(lookups, "java.util.concurrent.locks.ReentrantReadWriteLock.ReadLock");
  }

  /** One of the JDK types, erased, and the classes known to be its subtypes or not. */
  private final class Supertype {
    private final TypeMirror erased;
    private final Map<Element, Boolean> subtypes = new HashMap<>();

    Supertype(ElementLookups lookups, String name) {
      TypeElement element = lookups.jdkType(name);
      this.erased = element == null ? null : types.erasure(element.asType());
    }

    boolean of(TypeMirror type) {
      if (type == null || erased == null || type.getKind() != TypeKind.DECLARED) {
        return false;
      }
      Element declared = ((DeclaredType) type).asElement();
      Boolean known = subtypes.get(declared);
      if (known == null) {
        known = types.isSubtype(types.erasure(type), erased);
        subtypes.put(declared, known);
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

  Types types() {
    return types;
  }
}
