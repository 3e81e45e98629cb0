package logging;

import java.io.IOException;
import java.io.Writer;

/** Before JDK-8349206: publish() formats the record with the handler's monitor held. */
public class StreamHandler extends Handler {
  private final Writer writer;

  StreamHandler(Writer writer) {
    this.writer = writer;
  }

  @Override
  synchronized void publish(LogRecord record) {
    String msg = getFormatter().format(record);
    try {
      writer.write(msg);
    } catch (IOException e) {
      // reported to the ErrorManager in the JDK
    }
  }

  @Override
  synchronized void flush() {
    try {
      writer.flush();
    } catch (IOException e) {
      // reported to the ErrorManager in the JDK
    }
  }
}
