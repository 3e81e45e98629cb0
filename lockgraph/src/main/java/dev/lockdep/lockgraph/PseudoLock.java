package dev.lockdep.lockgraph;

/**
 * The lockdep pseudo-locks: maps that no code locks directly but that stand for an operation
 * (entering memory reclaim, a fence-signalling critical section) so that the ordinary graph
 * algorithms can see dependencies on it.
 */
public enum PseudoLock {
  /** An ordinary lock class. */
  NONE,
  /** {@code fs_reclaim}: held while reclaiming memory, acquired by every reclaiming allocation. */
  FS_RECLAIM,
  /** {@code dma_fence_map}: read-held in signalling sections, write-acquired by fence waits. */
  DMA_FENCE_MAP
}
