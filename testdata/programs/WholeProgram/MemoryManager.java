package memory;

/** Calls the abstract spill() of every consumer under its own lock. */
class MemoryManager {
  private final Object lock = new Object();
  private MemoryConsumer[] consumers = new MemoryConsumer[0];

  long reserve(long bytes) {
    synchronized (lock) {
      return bytes;
    }
  }

  void reclaim(long bytes) {
    synchronized (lock) {
      for (MemoryConsumer consumer : consumers) {
        consumer.spill(bytes);
      }
    }
  }
}
