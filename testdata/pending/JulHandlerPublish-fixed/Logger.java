package logging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Hands every record to each of its handlers, with whatever locks the caller holds. */
public class Logger {
  private final List<Handler> handlers = new CopyOnWriteArrayList<>();

  public void addHandler(Handler handler) {
    handlers.add(handler);
  }

  public void log(String message, Object... parameters) {
    LogRecord record = new LogRecord(message, parameters);
    for (Handler handler : handlers) {
      handler.publish(record);
    }
  }
}
