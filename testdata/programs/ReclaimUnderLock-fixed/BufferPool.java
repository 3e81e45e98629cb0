package reclaim;

import dev.lockdep.annotations.Reclaim;

/** Hands out buffers; when memory is short the allocation reclaims, running the shrinkers. */
public final class BufferPool {
  @Reclaim
  public byte[] allocate(int bytes) {
    return new byte[bytes];
  }
}
