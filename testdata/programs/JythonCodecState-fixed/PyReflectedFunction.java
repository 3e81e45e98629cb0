package python;

/** A Java method called from Python through reflection. */
class PyReflectedFunction extends PyObject {
  private final String methodName;

  PyReflectedFunction(String methodName) {
    this.methodName = methodName;
  }

  @Override
  PyObject __call__(PyObject arg) {
    return new PyString(methodName);
  }
}
