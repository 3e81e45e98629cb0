package netty.internal;

/** A logger, as the factory makes them. */
public interface InternalLogger {
  void debug(String message);
}
