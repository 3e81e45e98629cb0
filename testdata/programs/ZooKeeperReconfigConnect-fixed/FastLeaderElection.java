package zk;

import java.nio.ByteBuffer;
import java.util.concurrent.LinkedBlockingQueue;

/** Leader election: a sender thread hands notifications to the connection manager. */
class FastLeaderElection {
  private final QuorumPeer self;
  private final QuorumCnxManager manager;
  private final LinkedBlockingQueue<Long> sendqueue = new LinkedBlockingQueue<>();
  private final Messenger messenger;

  FastLeaderElection(QuorumPeer self, QuorumCnxManager manager) {
    this.self = self;
    this.manager = manager;
    this.messenger = new Messenger();
  }

  void start() {
    messenger.start();
    sendqueue.offer(self.getMyId());
  }

  /** The election's messenger and its sender thread. */
  private final class Messenger {
    private final WorkerSender ws = new WorkerSender();

    void start() {
      new Thread(ws, "WorkerSender").start();
    }

    /** Takes notifications off the queue and sends each. */
    private final class WorkerSender implements Runnable {
      @Override
      public void run() {
        while (!Thread.currentThread().isInterrupted()) {
          try {
            Long sid = sendqueue.take();
            process(sid);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }

      private void process(Long sid) {
        manager.toSend(sid, ByteBuffer.allocate(40));
      }
    }
  }
}
