package redis.clients.jedis;

/** A node answered MOVED: the slot is served by another node now. */
public class JedisMovedDataException extends RuntimeException {
  public JedisMovedDataException(String message) {
    super(message);
  }
}
