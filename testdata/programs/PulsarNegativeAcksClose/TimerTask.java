package pulsar;

/** Stand-in for Netty's io.netty.util.TimerTask: run by the timer's worker thread when due. */
public interface TimerTask {
  void run(Timeout timeout) throws Exception;
}
