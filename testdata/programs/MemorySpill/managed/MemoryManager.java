package managed;

import dev.lockdep.annotations.Reclaim;
import java.util.ArrayList;
import java.util.List;

/** Hands out memory; when short it asks consumers to spill, holding its own lock. */
public final class MemoryManager {
  private final List<MemoryConsumer> consumers = new ArrayList<>();
  private long free = 1 << 20;

  public synchronized void register(MemoryConsumer consumer) {
    consumers.add(consumer);
  }

  @Reclaim
  public synchronized long reserve(long bytes) {
    for (MemoryConsumer c : consumers) {
      if (free >= bytes) {
        break;
      }
      free += c.spill(bytes - free);
    }
    free -= bytes;
    return bytes;
  }

  public synchronized void free(long bytes) {
    free += bytes;
  }
}
