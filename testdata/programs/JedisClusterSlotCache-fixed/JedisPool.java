package redis.clients.jedis;

/** The pool of connections to one node (commons-pool in Jedis, left out here). */
public class JedisPool {
  private final HostAndPort node;

  public JedisPool(String host, int port) {
    this.node = new HostAndPort(host, port);
  }

  public Jedis getResource() {
    return new Jedis(node);
  }

  public void returnResource(Jedis resource) {}
}
