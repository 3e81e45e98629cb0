package com.example.memory;

/** A sort buffer that grows by asking the manager for memory while holding its own lock. */
public final class SortBuffer implements MemoryConsumer {
  private final MemoryManager manager;
  private long held;

  public SortBuffer(MemoryManager manager) {
    this.manager = manager;
    manager.register(this);
  }

  public synchronized void insert(int recordBytes) {
    held += manager.acquire(recordBytes); // may spill other consumers, under this buffer's lock
  }

  @Override
  public synchronized long spill(long bytes) {
    long freed = Math.min(bytes, held);
    held -= freed;
    return freed;
  }
}
