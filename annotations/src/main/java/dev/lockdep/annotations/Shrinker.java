package dev.lockdep.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A reclaim callback ({@code spill}, {@code evict}, {@code scan}): the kernel's shrinker
 * {@code scan_objects}, run by reclaim while it holds {@code fs_reclaim}.
 *
 * <p>Every lock the callback takes comes after {@code fs_reclaim}; a lock that is also held around
 * an allocation therefore closes the cycle {@code L -> fs_reclaim -> L}. On a type, every
 * non-private method the type declares is a shrinker.
 *
 * <pre>{@code
 * @Shrinker
 * long spill(long bytes) { synchronized (this) { return writeToDisk(bytes); } }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Shrinker {}
