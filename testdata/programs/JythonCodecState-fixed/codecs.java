package python;

/** The codec registry's entry points; they all go to the sys state's codec state. */
final class codecs {
  private codecs() {}

  static PyObject decode(PyString text, PyObject encoding) {
    return lookupAndDecode(text, resolveEncoding(encoding));
  }

  private static String resolveEncoding(PyObject encoding) {
    return encoding == null ? getDefaultEncoding() : encoding.toString();
  }

  static String getDefaultEncoding() {
    return Py.getSystemState().getCodecState().getDefaultEncoding();
  }

  private static PyObject lookupAndDecode(PyString text, String encoding) {
    return new PyString(text.value());
  }
}
