package python;

import java.util.concurrent.locks.ReentrantLock;

/** The import machinery: every import runs with the sys state's import lock held. */
final class imp {
  private imp() {}

  /** Loads a module; needToLock is false when the caller already holds the import lock. */
  static PyObject load(String name, boolean needToLock) {
    ReentrantLock importLock = Py.getSystemState().getImportLock();
    if (needToLock) {
      importLock.lock();
    }
    try {
      return importFirst(name);
    } finally {
      if (needToLock) {
        importLock.unlock();
      }
    }
  }

  private static PyObject importFirst(String name) {
    return new PyModule(name);
  }

  /** Runs a compiled module's code to create the module, holding the import lock. */
  static PyObject createFromCode(String name, PyCode code) {
    PyModule module = new PyModule(name);
    ReentrantLock importLock = Py.getSystemState().getImportLock();
    importLock.lock();
    try {
      code.call(new PyFrame(module));
      return module;
    } finally {
      importLock.unlock();
    }
  }
}
