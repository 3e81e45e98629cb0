package dev.lockdep.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The allocation context while the method runs: the kernel's {@code memalloc_nofs_save} scope, or
 * the {@code gfp_t} flags of a {@link Reclaim} method's own entry.
 *
 * <p>The scope flows into every callee. Only {@link Gfp#KERNEL} (the default everywhere) lets a
 * reclaiming call take {@code fs_reclaim}.
 *
 * <pre>{@code
 * @GfpFlags(Gfp.NOFS)
 * void flush() { synchronized (journal) { journal.append(buffers.allocate(4096)); } }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface GfpFlags {
  /** The allocation context. */
  Gfp value();
}
