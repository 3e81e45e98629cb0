package helix;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * org.apache.helix.zookeeper.zkclient.ZkEventThread: the single thread that delivers a ZkClient's
 * watch events to its listeners, one at a time.
 */
class ZkEventThread extends Thread {
  private final BlockingQueue<ZkEvent> _events = new LinkedBlockingQueue<>();

  abstract static class ZkEvent {
    private final String _description;

    ZkEvent(String description) {
      _description = description;
    }

    abstract void run() throws Exception;

    @Override
    public String toString() {
      return "ZkEvent[" + _description + "]";
    }
  }

  ZkEventThread(String name) {
    setDaemon(true);
    setName("ZkClient-EventThread-" + getId() + "-" + name);
  }

  @Override
  public void run() {
    try {
      while (!isInterrupted()) {
        ZkEvent zkEvent = _events.take();
        try {
          zkEvent.run();
        } catch (InterruptedException e) {
          interrupt();
        } catch (Throwable e) {
          System.out.println("Error handling event " + zkEvent + ": " + e);
        }
      }
    } catch (InterruptedException e) {
      // terminating
    }
  }

  void send(ZkEvent event) {
    if (!isInterrupted()) {
      _events.add(event);
    }
  }
}
