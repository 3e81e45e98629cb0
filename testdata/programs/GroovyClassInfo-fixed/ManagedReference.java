package groovy;

/** Creating one lets the manager finalize stale references first, in the creating thread. */
class ManagedReference<T> implements Finalizable {
  private static final ReferenceManager NULL_MANAGER = new ReferenceManager(null) {};
  private final HandlerReference ref;
  private final ReferenceManager manager;

  ManagedReference(ReferenceManager rmanager, T value) {
    if (rmanager == null) {
      rmanager = NULL_MANAGER;
    }
    this.manager = rmanager;
    ref = new HandlerReference(value, this, rmanager.queue);
    rmanager.afterReferenceCreation(this);
  }

  ManagedReference(ReferenceBundle bundle, T value) {
    this(bundle.getManager(), value);
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
