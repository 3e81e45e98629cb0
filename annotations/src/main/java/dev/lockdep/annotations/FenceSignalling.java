package dev.lockdep.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fence-signalling critical section: the kernel's {@code dma_fence_begin_signalling} ..
 * {@code dma_fence_end_signalling}, everything that must run for a published future or fence to
 * complete.
 *
 * <p>The body holds the pseudo-lock {@code dma_fence_map} as a non-recursive reader; nested sections
 * do not take it again. Waiting for a fence, or reclaiming memory, inside such a section can wait
 * for itself.
 *
 * <pre>{@code
 * @FenceSignalling
 * void runJob(Job job) { job.execute(); job.future().complete(null); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface FenceSignalling {}
