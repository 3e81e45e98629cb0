package dev.lockdep.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method releases the named locks, which the caller holds on entry: lockdep's
 * {@code lock_release} on behalf of the caller.
 *
 * <p>Names use Error Prone's {@code @GuardedBy} grammar; an empty list means {@code this}.
 *
 * <pre>{@code
 * @Releases("lock")
 * void exit() { lock.unlock(); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Releases {
  /** The locks released; empty means {@code this}. */
  String[] value() default {};
}
