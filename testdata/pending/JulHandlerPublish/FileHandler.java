package logging;

import java.io.Writer;

/** Publishes to a file, flushing and checking the rotation limit under its own monitor. */
class FileHandler extends StreamHandler {
  private long written;

  FileHandler(Writer file) {
    super(file);
  }

  @Override
  synchronized void publish(LogRecord record) {
    super.publish(record);
    flush();
    written++;
  }
}
