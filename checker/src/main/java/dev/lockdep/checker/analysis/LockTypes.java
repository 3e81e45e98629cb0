package dev.lockdep.checker.analysis;

import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** The JDK lock types the front end recognises without annotations. */
final class LockTypes {
  private final Types types;
  private final TypeMirror lock;
  private final TypeMirror readWriteLock;
  private final TypeMirror stampedLock;
  private final TypeMirror semaphore;
  private final TypeMirror condition;
  private final TypeMirror readLockView;

  LockTypes(Elements elements, Types types) {
    this.types = types;
    this.lock = erased(elements, "java.util.concurrent.locks.Lock");
    this.readWriteLock = erased(elements, "java.util.concurrent.locks.ReadWriteLock");
    this.stampedLock = erased(elements, "java.util.concurrent.locks.StampedLock");
    this.semaphore = erased(elements, "java.util.concurrent.Semaphore");
    this.condition = erased(elements, "java.util.concurrent.locks.Condition");
    this.readLockView = erased(elements, "java.util.concurrent.locks.ReentrantReadWriteLock.ReadLock");
  }

  private TypeMirror erased(Elements elements, String name) {
    TypeElement element = elements.getTypeElement(name);
    return element == null ? null : types.erasure(element.asType());
  }

  private boolean is(TypeMirror type, TypeMirror of) {
    return type != null
        && of != null
        && type.getKind() == TypeKind.DECLARED
        && types.isSubtype(types.erasure(type), of);
  }

  boolean isLock(TypeMirror type) {
    return is(type, lock);
  }

  boolean isReadWriteLock(TypeMirror type) {
    return is(type, readWriteLock);
  }

  boolean isStampedLock(TypeMirror type) {
    return is(type, stampedLock);
  }

  boolean isSemaphore(TypeMirror type) {
    return is(type, semaphore);
  }

  boolean isCondition(TypeMirror type) {
    return is(type, condition);
  }

  /** {@code ReentrantReadWriteLock.ReadLock}: a read view whatever expression it came from. */
  boolean isReadLockView(TypeMirror type) {
    return is(type, readLockView);
  }

  Types types() {
    return types;
  }
}
