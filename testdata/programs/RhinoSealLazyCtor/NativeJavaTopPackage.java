package rhino;

/** The "Packages" object: initialising it defines "Packages" and the top packages on the scope. */
final class NativeJavaTopPackage {
  private static final String[] TOP_NAMES = {"java", "javax", "org", "com", "edu", "net"};

  private final boolean sealed;

  private NativeJavaTopPackage(boolean sealed) {
    this.sealed = sealed;
  }

  static void init(ScriptableObject scope, boolean sealed) {
    NativeJavaTopPackage top = new NativeJavaTopPackage(sealed);
    scope.defineProperty("Packages", top, ScriptableObject.DONTENUM);
    for (String name : TOP_NAMES) {
      scope.defineProperty(name, name, ScriptableObject.DONTENUM);
    }
  }

  boolean isSealed() {
    return sealed;
  }
}
