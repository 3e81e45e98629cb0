package reclaim;

import dev.lockdep.annotations.Gfp;
import dev.lockdep.annotations.GfpFlags;
import dev.lockdep.annotations.Shrinker;

/** A write-ahead journal whose cached pages reclaim may trim. */
public final class Journal {
  private final Object journalLock = new Object();
  private final BufferPool pool;
  private long cached;

  public Journal(BufferPool pool) {
    this.pool = pool;
  }

  /** Allocates a page under the journal lock without entering file-system reclaim. */
  @GfpFlags(Gfp.NOFS)
  public void append(int bytes) {
    synchronized (journalLock) {
      cached += pool.allocate(bytes).length;
    }
  }

  /** Reclaim's callback: gives back cached pages under the journal lock. */
  @Shrinker
  public long trim(long bytes) {
    synchronized (journalLock) {
      long freed = Math.min(bytes, cached);
      cached -= freed;
      return freed;
    }
  }
}
