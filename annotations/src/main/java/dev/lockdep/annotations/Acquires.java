package dev.lockdep.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method returns holding the named locks: a lock-taking wrapper, lockdep's
 * {@code lock_acquire} on behalf of the caller.
 *
 * <p>Names use Error Prone's {@code @GuardedBy} grammar: {@code this}, {@code field},
 * {@code param}, {@code Outer.this}, {@code Type.staticField}; an empty list means {@code this}.
 * {@code shared = true} takes them as non-recursive readers (a read lock).
 *
 * <pre>{@code
 * @Acquires("lock")
 * void enter() { lock.lock(); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Acquires {
  /** The locks held on return; empty means {@code this}. */
  String[] value() default {};

  /** Whether the locks are taken shared (read) rather than exclusive (write). */
  boolean shared() default false;
}
