package python;

/** A function bound to an instance. */
class PyMethod extends PyObject {
  private final PyObject function;

  PyMethod(PyObject function) {
    this.function = function;
  }

  @Override
  PyObject __call__(PyObject arg) {
    return function;
  }
}
