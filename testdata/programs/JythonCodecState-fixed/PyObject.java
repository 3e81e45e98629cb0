package python;

/** The root of Python values: attribute lookup and calls, overridden by every callable type. */
class PyObject {
  PyObject __getattr__(String name) {
    return null;
  }

  PyObject __call__(PyObject arg) {
    throw new UnsupportedOperationException("not callable");
  }
}
