package logging;

import java.io.IOException;
import java.io.Writer;

/**
 * JDK-8349206's fix: the record is formatted before the handler's monitor is taken; only the write
 * and the subclasses' post-write step run under it.
 */
public class StreamHandler extends Handler {
  private final Writer writer;

  StreamHandler(Writer writer) {
    this.writer = writer;
  }

  @Override
  void publish(LogRecord record) {
    String msg = getFormatter().format(record);
    try {
      synchronized (this) {
        writer.write(msg);
        synchronousPostWriteHook();
      }
    } catch (IOException e) {
      // reported to the ErrorManager in the JDK
    }
  }

  /** Runs after each write with the handler's monitor held. */
  void synchronousPostWriteHook() {}

  @Override
  synchronized void flush() {
    try {
      writer.flush();
    } catch (IOException e) {
      // reported to the ErrorManager in the JDK
    }
  }
}
