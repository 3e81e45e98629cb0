package memory;

/** Spills under its own lock; asks the manager for memory under the same lock. */
class SortBuffer extends MemoryConsumer {
  private final MemoryManager manager;
  private long used;

  SortBuffer(MemoryManager manager) {
    this.manager = manager;
  }

  @Override
  synchronized long spill(long bytes) {
    used -= bytes;
    return bytes;
  }

  synchronized void insert(long bytes) {
    used += manager.reserve(bytes);
  }
}
