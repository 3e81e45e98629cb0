package redis.clients.jedis;

import java.util.List;

/** One connection to one node; its commands take no Java lock. */
public class Jedis {
  private final HostAndPort node;

  Jedis(HostAndPort node) {
    this.node = node;
  }

  public List<Object> clusterSlots() {
    return List.of();
  }

  String getNodeKey() {
    return JedisClusterInfoCache.getNodeKey(node);
  }

  public void close() {}
}
