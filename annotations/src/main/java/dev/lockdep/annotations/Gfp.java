package dev.lockdep.annotations;

/**
 * The allocation context of a code path, after the kernel's {@code gfp_t} allocation flags and
 * {@code memalloc_*_save} scopes.
 *
 * <p>Only {@link #KERNEL} lets a {@link Reclaim} call enter file-system reclaim and so take the
 * {@code fs_reclaim} pseudo-lock; {@code KERNEL}, {@code NOFS} and {@code NOIO} may sleep,
 * {@code NOWAIT} and {@code ATOMIC} may not.
 *
 * <pre>{@code
 * @GfpFlags(Gfp.NOFS)
 * void writePage(Page p) { buffers.allocate(p.size()); }
 * }</pre>
 */
public enum Gfp {
  /** {@code GFP_KERNEL}: may sleep and may enter any reclaim. The default everywhere. */
  KERNEL,
  /** {@code GFP_NOFS} / {@code memalloc_nofs_save}: may sleep, never re-enters file-system reclaim. */
  NOFS,
  /** {@code GFP_NOIO} / {@code memalloc_noio_save}: may sleep, neither I/O nor file-system reclaim. */
  NOIO,
  /** {@code GFP_NOWAIT}: never sleeps and never reclaims directly. */
  NOWAIT,
  /** {@code GFP_ATOMIC}: never sleeps; usable in interrupt context. */
  ATOMIC
}
