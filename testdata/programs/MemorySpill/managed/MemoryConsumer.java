package managed;

import dev.lockdep.annotations.Shrinker;

/** Something that holds memory and gives some back under memory pressure. */
public interface MemoryConsumer {
  @Shrinker
  long spill(long bytes);
}
