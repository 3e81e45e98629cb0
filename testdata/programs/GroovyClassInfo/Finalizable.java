package groovy;

/** Called when the referent of a managed reference has been collected. */
interface Finalizable {
  void finalizeReference();
}
