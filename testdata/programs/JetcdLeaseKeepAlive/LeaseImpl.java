package jetcd;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/** jetcd's lease client before the fix of issue #315. */
public class LeaseImpl {
  private final Map<Long, KeepAlive> keepAlives = new ConcurrentHashMap<>();
  private boolean closed;

  public synchronized KeepAliveListener keepAlive(long leaseId) {
    KeepAlive keepAlive = keepAlives.computeIfAbsent(leaseId, key -> new KeepAlive(keepAlives, this, leaseId));
    KeepAliveListenerImpl listener = new KeepAliveListenerImpl(keepAlive);
    keepAlive.addListener(listener);
    return listener;
  }

  /** The observer gRPC calls with each response: it runs the outer synchronized method. */
  StreamObserver<KeepAliveResponse> createResponseObserver() {
    return new StreamObserver<KeepAliveResponse>() {
      @Override
      public void onNext(KeepAliveResponse response) {
        processKeepAliveResponse(response);
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {}
    };
  }

  private synchronized void processKeepAliveResponse(KeepAliveResponse response) {
    if (closed) {
      return;
    }
    KeepAlive keepAlive = keepAlives.get(response.leaseId);
    if (keepAlive != null) {
      keepAlive.sentKeepAliveResp(response);
    }
  }

  public synchronized void close() {
    closed = true;
  }

  /** A user's listener: its closedLock guards the closed flag. */
  private static class KeepAliveListenerImpl implements KeepAliveListener {
    private final Object closedLock = new Object();
    private final BlockingQueue<KeepAliveResponse> queue = new ArrayBlockingQueue<>(1);
    private final KeepAlive owner;
    private boolean closed;

    KeepAliveListenerImpl(KeepAlive owner) {
      this.owner = owner;
    }

    void enqueue(KeepAliveResponse response) {
      if (isClosed()) {
        return;
      }
      queue.offer(response);
    }

    @Override
    public KeepAliveResponse listen() throws InterruptedException {
      return queue.take();
    }

    private boolean isClosed() {
      synchronized (closedLock) {
        return closed;
      }
    }

    @Override
    public void close() {
      synchronized (closedLock) {
        closed = true;
        owner.removeListener(this);
      }
    }
  }

  /** The keep-alive of one lease; ownerLock is the LeaseImpl that created it. */
  private static class KeepAlive {
    private final Object ownerLock;
    private final Map<Long, KeepAlive> owner;
    private final long leaseId;
    private final Set<KeepAliveListenerImpl> listeners = Collections.newSetFromMap(new ConcurrentHashMap<>());

    KeepAlive(Map<Long, KeepAlive> owner, Object ownerLock, long leaseId) {
      this.owner = owner;
      this.ownerLock = ownerLock;
      this.leaseId = leaseId;
    }

    void addListener(KeepAliveListenerImpl listener) {
      listeners.add(listener);
    }

    void sentKeepAliveResp(KeepAliveResponse response) {
      listeners.forEach(listener -> listener.enqueue(response));
    }

    void removeListener(KeepAliveListenerImpl listener) {
      listeners.remove(listener);
      synchronized (ownerLock) {
        if (listeners.isEmpty()) {
          owner.remove(leaseId);
        }
      }
    }
  }
}
