package bank;

/** The fixed twin: queue, then workers, then timers, everywhere; waits hold one monitor only. */
class Scheduler {
  private final Object queue = new Object();
  private final Object workers = new Object();
  private final Object timers = new Object();
  private boolean ready;

  void enqueue() {
    synchronized (queue) {
      synchronized (workers) {}
    }
  }

  void assign() {
    synchronized (workers) {
      synchronized (timers) {}
    }
  }

  void tick() {
    synchronized (queue) {
      synchronized (timers) {}
    }
  }

  void awaitReady() throws InterruptedException {
    synchronized (queue) {
      while (!ready) {
        queue.wait();
      }
    }
  }
}
