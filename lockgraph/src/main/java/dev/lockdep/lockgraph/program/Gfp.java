package dev.lockdep.lockgraph.program;

/**
 * The allocation context of a code path, the kernel's {@code gfp_t} flags and {@code
 * memalloc_*_save} scopes, from the least to the most restrictive: a scope inside another keeps
 * the stricter of the two.
 */
public enum Gfp {
  KERNEL,
  NOFS,
  NOIO,
  NOWAIT,
  ATOMIC;

  /** The context inside a scope of {@code inner} entered in this one. */
  public Gfp within(Gfp inner) {
    return inner.ordinal() > ordinal() ? inner : this;
  }

  /** Whether an allocation may enter file-system reclaim, and so take {@code fs_reclaim}. */
  public boolean allowsFsReclaim() {
    return this == KERNEL;
  }

  /** Whether an allocation may block waiting for memory. */
  public boolean maySleep() {
    return this != NOWAIT && this != ATOMIC;
  }
}
