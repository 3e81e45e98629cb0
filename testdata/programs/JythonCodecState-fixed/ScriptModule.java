package python;

/**
 * What the compiler generates for a script: f$0 is the module body. This one decodes a byte
 * string at import time, as many library modules do: data.decode() is an attribute lookup and a
 * call of whatever callable the lookup returns.
 */
class ScriptModule extends PyFunctionTable {
  @Override
  PyObject call_function(int index, PyFrame frame) {
    return f$0(frame);
  }

  private PyObject f$0(PyFrame frame) {
    PyObject data = new PyString("data");
    return data.__getattr__("decode").__call__(null);
  }
}
