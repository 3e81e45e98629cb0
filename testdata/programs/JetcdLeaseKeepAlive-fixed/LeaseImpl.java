package jetcd;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/** jetcd's lease client with the fix of issue #315 (pull request #319). */
public class LeaseImpl {
  private final Map<Long, KeepAlive> keepAlives = new ConcurrentHashMap<>();
  private boolean closed;

  public synchronized KeepAliveListener keepAlive(long leaseId) {
    KeepAlive keepAlive = keepAlives.computeIfAbsent(leaseId, key -> new KeepAlive(keepAlives, leaseId));
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

  /** A user's listener: closed is volatile, read without closedLock. */
  private static class KeepAliveListenerImpl implements KeepAliveListener {
    private final Object closedLock = new Object();
    private final BlockingQueue<KeepAliveResponse> queue = new ArrayBlockingQueue<>(1);
    private final KeepAlive owner;
    private volatile boolean closed;

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
      return closed;
    }

    @Override
    public void close() {
      synchronized (closedLock) {
        closed = true;
        owner.removeListener(this);
      }
    }
  }

  /** The keep-alive of one lease; removeListener is called only by a listener's close(). */
  private static class KeepAlive {
    private final Map<Long, KeepAlive> owner;
    private final long leaseId;
    private final Set<KeepAliveListenerImpl> listeners = Collections.newSetFromMap(new ConcurrentHashMap<>());

    KeepAlive(Map<Long, KeepAlive> owner, long leaseId) {
      this.owner = owner;
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
      if (listeners.isEmpty()) {
        owner.remove(leaseId);
      }
    }
  }
}
