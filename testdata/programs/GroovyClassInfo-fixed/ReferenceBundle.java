package groovy;

import java.lang.ref.ReferenceQueue;

/** The manager shared by all weak references of the runtime. */
final class ReferenceBundle {
  private static final ReferenceBundle WEAK;

  static {
    ReferenceQueue<Object> queue = new ReferenceQueue<>();
    ReferenceManager callBack = new ReferenceManager.CallBackedManager(queue);
    WEAK = new ReferenceBundle(ReferenceManager.createThresholdedIdlingManager(queue, callBack, 500));
  }

  private final ReferenceManager manager;

  private ReferenceBundle(ReferenceManager manager) {
    this.manager = manager;
  }

  static ReferenceBundle getWeakBundle() {
    return WEAK;
  }

  ReferenceManager getManager() {
    return manager;
  }
}
