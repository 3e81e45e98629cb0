package logging;

import java.io.Writer;

/** Publishes to a file; flushing and counting for rotation moved into the post-write hook. */
class FileHandler extends StreamHandler {
  private long written;

  FileHandler(Writer file) {
    super(file);
  }

  @Override
  void synchronousPostWriteHook() {
    flush();
    written++;
  }
}
