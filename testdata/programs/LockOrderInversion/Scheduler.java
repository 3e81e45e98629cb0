package bank;

/** A three-lock cycle inside one file, and a wait that keeps another monitor held. */
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
    synchronized (timers) {
      synchronized (queue) {}
    }
  }

  /** wait() releases queue only; waking up retakes queue while workers is held. */
  void awaitReady() throws InterruptedException {
    synchronized (queue) {
      synchronized (workers) {
        while (!ready) {
          queue.wait();
        }
      }
    }
  }
}
