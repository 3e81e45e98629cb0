package managed;

/** A consumer that gives its memory back to the manager after releasing its own lock. */
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

  public void close() {
    long freed;
    synchronized (this) {
      freed = held;
      held = 0;
    }
    manager.free(freed);
  }
}
