package managed;

/** A consumer that frees its memory under its own lock: the manager spills it under the manager's. */
public final class HashTable implements MemoryConsumer {
  private final MemoryManager manager;
  private long held;

  public HashTable(MemoryManager manager) {
    this.manager = manager;
  }

  @Override
  public synchronized long spill(long bytes) {
    long freed = Math.min(bytes, held);
    held -= freed;
    return freed;
  }

  public synchronized void close() {
    manager.free(held);
    held = 0;
  }
}
