package dev.lockdep.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Calling the method may enter memory reclaim: lockdep's {@code might_alloc(GFP_KERNEL)} and
 * {@code fs_reclaim_acquire}.
 *
 * <p>An allocation that can block until memory is reclaimed, or a direct reclaim entry (a memory
 * manager that spills or evicts other consumers). When the effective {@link GfpFlags} context is
 * {@link Gfp#KERNEL}, a call acquires and releases the pseudo-lock {@code fs_reclaim}, so every lock
 * held around the call comes before {@code fs_reclaim}. The body and its callees run holding
 * {@code fs_reclaim} in the memalloc state: nested reclaiming calls do not take it again.
 *
 * <pre>{@code
 * @Reclaim
 * ByteBuffer allocate(int bytes) { spillUntilFree(bytes); return pool.take(bytes); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Reclaim {}
