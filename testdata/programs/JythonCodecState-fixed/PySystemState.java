package python;

import java.util.concurrent.locks.ReentrantLock;

/** The interpreter's sys state; its import lock is created by the constructor and never reassigned. */
public class PySystemState extends PyObject {
  private ReentrantLock importLock;
  private volatile CodecState codecState;

  public PySystemState() {
    importLock = new ReentrantLock();
  }

  public ReentrantLock getImportLock() {
    return importLock;
  }

  /**
   * Jython #243's fix: no monitor; the first call takes the import lock itself and imports
   * "encodings" with the lock it already holds.
   */
  public CodecState getCodecState() {
    if (codecState == null) {
      importLock.lock();
      try {
        if (codecState == null) {
          codecState = new CodecState();
          imp.load("encodings", false);
        }
      } finally {
        importLock.unlock();
      }
    }
    return codecState;
  }
}
