package pulsar;

/** Stand-in for Netty's io.netty.util.Timeout: a handle to a scheduled TimerTask. */
public interface Timeout {
  Timer timer();

  TimerTask task();

  boolean isCancelled();

  boolean cancel();
}
