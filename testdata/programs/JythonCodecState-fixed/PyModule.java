package python;

/** A module object. */
class PyModule extends PyObject {
  final String name;

  PyModule(String name) {
    this.name = name;
  }
}
