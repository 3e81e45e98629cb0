package python;

/** Static entry points of the runtime. */
final class Py {
  private static final PySystemState systemState = new PySystemState();

  private Py() {}

  static PySystemState getSystemState() {
    return systemState;
  }
}
