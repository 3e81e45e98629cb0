package memory;

/** Calls the abstract spill() of every consumer after releasing its own lock. */
class MemoryManager {
  private final Object lock = new Object();
  private MemoryConsumer[] consumers = new MemoryConsumer[0];

  long reserve(long bytes) {
    synchronized (lock) {
      return bytes;
    }
  }

  void reclaim(long bytes) {
    MemoryConsumer[] victims;
    synchronized (lock) {
      victims = consumers.clone();
    }
    for (MemoryConsumer consumer : victims) {
      consumer.spill(bytes);
    }
  }
}
