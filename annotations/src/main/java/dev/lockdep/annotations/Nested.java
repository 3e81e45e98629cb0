package dev.lockdep.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A lock subclass, lockdep's {@code spin_lock_nested(lock, subclass)} and {@code mutex_lock_nested}.
 *
 * <p>Class {@code K} with subclass {@code n} is a distinct graph node {@code K/n}, so taking a child
 * lock of the same class as a held parent lock (a tree walk, a parent and child directory) is not
 * reported as recursive locking. The value is 0 to 7; anything else is a compile error. On a
 * variable, acquisitions of the lock it denotes use that subclass; on a method, the acquisitions
 * written directly in its body do.
 *
 * <pre>{@code
 * void link(Node parent, @Nested(1) Node child) {
 *   synchronized (parent) { synchronized (child) { parent.add(child); } } }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.LOCAL_VARIABLE,
  ElementType.METHOD
})
public @interface Nested {
  /** The subclass, 0 to 7 ({@code SINGLE_DEPTH_NESTING} is 1). */
  int value();
}
