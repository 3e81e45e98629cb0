package redis.clients.jedis;

/** No node could serve the command. */
public class JedisConnectionException extends RuntimeException {
  public JedisConnectionException(String message) {
    super(message);
  }
}
