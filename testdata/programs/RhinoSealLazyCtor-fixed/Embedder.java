package rhino;

/** The report's test: thread-safe objects on, a standard global sealed at once. */
final class Embedder {
  private Embedder() {}

  static Object sealedGlobal() {
    Context.setThreadSafeObjects(true);
    NativeObject global = Context.initStandardObjects(false);
    global.sealObject();
    return global.get("Packages");
  }
}
