package pulsar;

import java.util.concurrent.TimeUnit;

/** Stand-in for Netty's io.netty.util.Timer. */
public interface Timer {
  Timeout newTimeout(TimerTask task, long delay, TimeUnit unit);

  void stop();
}
