package redis.clients.jedis;

/** The cluster's connection handler: the pool of the node that serves a slot. */
public class JedisSlotBasedConnectionHandler extends JedisClusterConnectionHandler {
  @Override
  public Jedis getConnectionFromSlot(int slot) {
    JedisPool connectionPool = cache.getSlotPool(slot);
    if (connectionPool != null) {
      // It can't guaranteed to get valid connection because of node assignment
      return connectionPool.getResource();
    } else {
      throw new JedisConnectionException("no reachable node in cluster");
    }
  }
}
