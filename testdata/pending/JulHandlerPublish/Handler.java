package logging;

/** java.util.logging.Handler. */
public abstract class Handler {
  private final Formatter formatter = new SimpleFormatter();

  Formatter getFormatter() {
    return formatter;
  }

  abstract void publish(LogRecord record);

  abstract void flush();
}
