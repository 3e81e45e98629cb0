package groovy;

/** A linked list of weak references: add() creates a managed reference for the element. */
class ManagedLinkedList<T> {
  private final ReferenceBundle bundle;
  private Element head;
  private Element tail;

  ManagedLinkedList(ReferenceBundle bundle) {
    this.bundle = bundle;
  }

  void add(T value) {
    Element element = new Element(bundle, value);
    element.previous = tail;
    if (tail != null) {
      tail.next = element;
    }
    tail = element;
    if (head == null) {
      head = element;
    }
  }

  private final class Element extends ManagedReference<T> {
    Element next;
    Element previous;

    Element(ReferenceBundle bundle, T value) {
      super(bundle, value);
    }

    @Override
    public void finalizeReference() {
      if (this == head) {
        head = next;
      }
      if (this == tail) {
        tail = previous;
      }
      super.finalizeReference();
    }
  }
}
