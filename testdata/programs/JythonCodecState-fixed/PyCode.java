package python;

/** Executable code: call(frame) runs the closure-taking form each kind of code implements. */
abstract class PyCode {
  PyObject call(PyFrame frame) {
    return call(frame, null);
  }

  abstract PyObject call(PyFrame frame, PyObject closure);
}
