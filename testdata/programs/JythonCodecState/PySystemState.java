package python;

import java.util.concurrent.locks.ReentrantLock;

/** The interpreter's sys state; its import lock is created by the constructor and never reassigned. */
public class PySystemState extends PyObject {
  private ReentrantLock importLock;
  private CodecState codecState;

  public PySystemState() {
    importLock = new ReentrantLock();
  }

  public ReentrantLock getImportLock() {
    return importLock;
  }

  /** Before Jython #243: the first call imports "encodings" with the state's monitor held. */
  public synchronized CodecState getCodecState() {
    if (codecState == null) {
      codecState = new CodecState();
      imp.load("encodings");
    }
    return codecState;
  }
}
