package python;

/** A type: calling it makes an instance. */
class PyType extends PyObject {
  @Override
  PyObject __call__(PyObject arg) {
    return new PyObject();
  }
}
