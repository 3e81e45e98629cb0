package redis.clients.jedis;

/**
 * Runs one command of {@code JedisCluster} on the node serving the key's slot; a MOVED answer
 * renews the slot cache and retries. Every application thread runs commands through here.
 */
public abstract class JedisClusterCommand<T> {
  private final JedisClusterConnectionHandler connectionHandler;
  private final int redirections;

  public JedisClusterCommand(JedisClusterConnectionHandler connectionHandler, int maxRedirections) {
    this.connectionHandler = connectionHandler;
    this.redirections = maxRedirections;
  }

  public abstract T execute(Jedis connection);

  public T run(String key) {
    return runWithRetries(key, this.redirections);
  }

  private T runWithRetries(String key, int redirections) {
    if (redirections <= 0) {
      throw new JedisConnectionException("Too many Cluster redirections?");
    }

    Jedis connection = null;
    try {
      connection = connectionHandler.getConnectionFromSlot(key.hashCode() & 16383);
      return execute(connection);
    } catch (JedisMovedDataException jre) {
      // it rebuilds cluster's slot cache
      // recommended by Redis cluster specification
      this.connectionHandler.renewSlotCache();

      releaseConnection(connection);
      connection = null;

      return runWithRetries(key, redirections - 1);
    } finally {
      releaseConnection(connection);
    }
  }

  private void releaseConnection(Jedis connection) {
    if (connection != null) {
      connectionHandler.returnConnection(connection);
    }
  }
}
