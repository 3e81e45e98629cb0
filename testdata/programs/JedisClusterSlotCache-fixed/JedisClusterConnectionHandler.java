package redis.clients.jedis;

import java.util.Map;

/** Hands out connections by slot and renews the slot cache when a node answers MOVED. */
public abstract class JedisClusterConnectionHandler {
  protected final JedisClusterInfoCache cache;

  public JedisClusterConnectionHandler() {
    this.cache = new JedisClusterInfoCache();
  }

  abstract Jedis getConnectionFromSlot(int slot);

  public void returnConnection(Jedis connection) {
    cache.getNode(connection.getNodeKey()).returnResource(connection);
  }

  public Map<String, JedisPool> getNodes() {
    return cache.getNodes();
  }

  public void renewSlotCache() {
    for (JedisPool jp : cache.getNodes().values()) {
      Jedis jedis = null;
      try {
        jedis = jp.getResource();
        cache.discoverClusterSlots(jedis);
        break;
      } finally {
        if (jedis != null) {
          jedis.close();
        }
      }
    }
  }
}
