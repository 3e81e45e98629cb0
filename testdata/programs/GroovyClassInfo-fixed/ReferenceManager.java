package groovy;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.concurrent.ConcurrentHashMap;

/** Decides when the stale references of a queue are finalized. By default: never by itself. */
class ReferenceManager {
  final ReferenceQueue<Object> queue;

  ReferenceManager(ReferenceQueue<Object> queue) {
    this.queue = queue;
  }

  void afterReferenceCreation(ManagedReference<?> reference) {}

  void removeStallEntries() {}

  /**
   * Finalizes every enqueued reference, in the calling thread; one thread at a time per queue
   * (the others return at once).
   */
  static final class CallBackedManager extends ReferenceManager {
    private static final ConcurrentHashMap<ReferenceQueue<Object>, ReferenceManager> queuesInProcess =
        new ConcurrentHashMap<>();

    CallBackedManager(ReferenceQueue<Object> queue) {
      super(queue);
    }

    @Override
    void afterReferenceCreation(ManagedReference<?> reference) {
      removeStallEntries();
    }

    @Override
    void removeStallEntries() {
      if (queuesInProcess.putIfAbsent(queue, this) == null) {
        try {
          removeStallEntries0();
        } finally {
          queuesInProcess.remove(queue);
        }
      }
    }

    private void removeStallEntries0() {
      for (;;) {
        Reference<?> stale = queue.poll();
        if (stale == null) {
          break;
        }
        if (stale instanceof HandlerReference) {
          Finalizable holder = ((HandlerReference) stale).handler;
          holder.finalizeReference();
        }
        stale.clear();
      }
    }
  }

  /** Idles until a threshold of references was created, then hands every call to its delegate. */
  static ReferenceManager createThresholdedIdlingManager(
      ReferenceQueue<Object> queue, ReferenceManager callback, int threshold) {
    return new ReferenceManager(queue) {
      private int created;

      @Override
      void afterReferenceCreation(ManagedReference<?> reference) {
        if (created >= threshold) {
          callback.afterReferenceCreation(reference);
        } else {
          created++;
        }
      }

      @Override
      void removeStallEntries() {
        callback.removeStallEntries();
      }
    };
  }
}
