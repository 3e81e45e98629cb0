package com.example.memory;

import dev.lockdep.annotations.Shrinker;

/** Something that holds memory and can give some back on request. */
public interface MemoryConsumer {
  /** Frees up to {@code bytes}; called by the manager under memory pressure. */
  @Shrinker
  long spill(long bytes);
}
