package pulsar;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Stand-in for Netty's io.netty.util.concurrent.DefaultThreadFactory ("pulsar-timer"). */
public class DefaultThreadFactory implements ThreadFactory {
  private final AtomicInteger nextId = new AtomicInteger();
  private final String prefix;
  private final boolean daemon;

  public DefaultThreadFactory(String poolName, boolean daemon) {
    this.prefix = poolName + "-" + System.identityHashCode(this) + "-";
    this.daemon = daemon;
  }

  @Override
  public Thread newThread(Runnable r) {
    Thread t = new Thread(r, prefix + nextId.incrementAndGet());
    t.setDaemon(daemon);
    return t;
  }
}
