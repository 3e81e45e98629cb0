package python;

/** The frame a code object runs in. */
class PyFrame {
  final PyModule module;

  PyFrame(PyModule module) {
    this.module = module;
  }
}
