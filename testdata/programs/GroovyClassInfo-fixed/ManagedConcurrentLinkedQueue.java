package groovy;

import java.util.concurrent.ConcurrentLinkedQueue;

/** GROOVY-8067's replacement: a lock-free queue of weak references; add() needs no monitor. */
class ManagedConcurrentLinkedQueue<T> {
  private final ReferenceBundle bundle;
  private final ConcurrentLinkedQueue<Element> queue = new ConcurrentLinkedQueue<>();

  ManagedConcurrentLinkedQueue(ReferenceBundle bundle) {
    this.bundle = bundle;
  }

  void add(T value) {
    queue.add(new Element(bundle, value));
  }

  private final class Element extends ManagedReference<T> {
    Element(ReferenceBundle bundle, T value) {
      super(bundle, value);
    }

    @Override
    public void finalizeReference() {
      queue.remove(this);
      super.finalizeReference();
    }
  }
}
