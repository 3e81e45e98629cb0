package logging;

import java.io.OutputStreamWriter;

/** Publishes to System.err; the flush after every record moved into the post-write hook. */
public class ConsoleHandler extends StreamHandler {
  public ConsoleHandler() {
    super(new OutputStreamWriter(System.err));
  }

  @Override
  void synchronousPostWriteHook() {
    flush();
  }
}
