package logging;

import java.io.OutputStreamWriter;

/** Publishes to System.err and flushes after every record, both under its own monitor. */
public class ConsoleHandler extends StreamHandler {
  public ConsoleHandler() {
    super(new OutputStreamWriter(System.err));
  }

  @Override
  synchronized void publish(LogRecord record) {
    super.publish(record);
    flush();
  }
}
