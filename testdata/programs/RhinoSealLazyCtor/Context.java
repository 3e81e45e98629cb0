package rhino;

/** The per-thread context: with FEATURE_THREAD_SAFE_OBJECTS, new objects get locked slot maps. */
final class Context {
  private static volatile boolean threadSafeObjects;

  private Context() {}

  static void setThreadSafeObjects(boolean enabled) {
    threadSafeObjects = enabled;
  }

  static boolean hasThreadSafeObjects() {
    return threadSafeObjects;
  }

  /** The standard objects of a new global: "Packages" is defined lazily, on first use or seal. */
  static NativeObject initStandardObjects(boolean sealed) {
    NativeObject scope = new NativeObject();
    new LazilyLoadedCtor(scope, "Packages", sealed, NativeJavaTopPackage::init);
    return scope;
  }
}
