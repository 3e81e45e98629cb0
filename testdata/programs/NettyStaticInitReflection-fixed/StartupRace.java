package netty.internal;

/**
 * Two test threads starting at once: one reads a system property first (a native transport's
 * static initializer does), the other gets a logger first (a buffer allocator's static
 * initializer does).
 */
public final class StartupRace {
  public static void main(String[] args) throws InterruptedException {
    Thread transport = new Thread(() -> SystemPropertyUtil.getLong("io.netty.epoll", 0), "transport");
    Thread buffers = new Thread(() -> InternalLoggerFactory.getInstance(StartupRace.class), "buffers");
    transport.start();
    buffers.start();
    transport.join();
    buffers.join();
  }
}
