package groovy;

/** Creating one lets the manager finalize stale references first, in the creating thread. */
class ManagedReference<T> implements Finalizable {
  private final HandlerReference ref;

  ManagedReference(ReferenceBundle bundle, T value) {
    ReferenceManager manager = bundle.getManager();
    ref = new HandlerReference(value, this, manager.queue);
    manager.afterReferenceCreation(this);
  }

  @SuppressWarnings("unchecked")
  final T get() {
    return (T) ref.get();
  }

  @Override
  public void finalizeReference() {
    ref.clear();
  }
}
