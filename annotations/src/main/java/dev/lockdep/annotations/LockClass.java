package dev.lockdep.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the lock class of the lock an element holds or is: lockdep's {@code lockdep_set_class}.
 *
 * <p>lockdep validates classes, not instances: every lock of one class is one node of the lock
 * graph. Without this annotation a lock's class is its field ({@code pkg.Type.field}), its
 * {@code T.class} literal, or the static type of the locked expression. Elements that carry the same
 * name share one class, so two fields that guard the same kind of object can be one node, and one
 * field can be split from another. On a type, every instance of that type used as a lock is of this
 * class; {@code reentrant = false} marks lock types whose re-acquisition by the holding thread
 * deadlocks (a non-reentrant mutex, a one-permit semaphore).
 *
 * <pre>{@code
 * @LockClass("Pool.lock")
 * private final ReentrantLock lock = new ReentrantLock();
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER,
  ElementType.LOCAL_VARIABLE,
  ElementType.TYPE
})
public @interface LockClass {
  /** The class name; empty means the element's own default key. */
  String value() default "";

  /** Whether the holding thread may take the same instance again without deadlocking. */
  boolean reentrant() default true;
}
