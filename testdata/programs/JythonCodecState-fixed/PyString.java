package python;

/** A byte string; its decode method goes through the codec registry. */
class PyString extends PyObject {
  private final String value;

  PyString(String value) {
    this.value = value;
  }

  @Override
  PyObject __getattr__(String name) {
    return "decode".equals(name) ? new StrDecodeMethod(this) : null;
  }

  PyObject str_decode(PyObject encoding) {
    return codecs.decode(this, encoding);
  }

  String value() {
    return value;
  }

  /** The bound builtin method str.decode (Jython generates one exposer class per method). */
  static final class StrDecodeMethod extends PyObject {
    private final PyString self;

    StrDecodeMethod(PyString self) {
      this.self = self;
    }

    @Override
    PyObject __call__(PyObject encoding) {
      return self.str_decode(encoding);
    }
  }
}
