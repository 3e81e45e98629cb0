package python;

/** The generated class of a compiled module dispatches on the function number. */
abstract class PyFunctionTable {
  abstract PyObject call_function(int index, PyFrame frame);
}
