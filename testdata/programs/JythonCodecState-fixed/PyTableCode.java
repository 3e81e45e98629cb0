package python;

/** Code compiled to a Java class: the function table's call_function runs function number id. */
class PyTableCode extends PyBaseCode {
  private final PyFunctionTable funcs;
  private final int funcId;

  PyTableCode(PyFunctionTable funcs, int funcId) {
    this.funcs = funcs;
    this.funcId = funcId;
  }

  @Override
  PyObject call(PyFrame frame, PyObject closure) {
    return funcs.call_function(funcId, frame);
  }
}
