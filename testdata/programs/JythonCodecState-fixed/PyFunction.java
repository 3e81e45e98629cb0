package python;

/** A function defined in Python: calling it runs its code in a new frame. */
class PyFunction extends PyObject {
  private final PyCode code;
  private final PyModule globals;

  PyFunction(PyCode code, PyModule globals) {
    this.code = code;
    this.globals = globals;
  }

  @Override
  PyObject __call__(PyObject arg) {
    return code.call(new PyFrame(globals), arg);
  }
}
