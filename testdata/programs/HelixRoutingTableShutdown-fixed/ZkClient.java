package helix;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Stand-in for org.apache.helix.zookeeper.impl.client.ZkClient over the in-memory tree of
 * FakeZooKeeper: child watches are kept per path and fired on the client's event thread, as the
 * real client fires them (fireChildChangedEvents sends one ZkEvent per listener).
 */
public class ZkClient {
  private final Map<String, Set<IZkChildListener>> _childListener = new ConcurrentHashMap<>();
  private final ZkEventThread _eventThread;
  private volatile boolean _closed;

  ZkClient(String name) {
    _eventThread = new ZkEventThread(name);
    _eventThread.start();
  }

  public void subscribeChildChanges(String path, IZkChildListener listener) {
    _childListener.computeIfAbsent(path, p -> new CopyOnWriteArraySet<>()).add(listener);
  }

  public void unsubscribeChildChanges(String path, IZkChildListener childListener) {
    Set<IZkChildListener> listeners = _childListener.get(path);
    if (listeners != null) {
      listeners.remove(childListener);
    }
  }

  public List<String> getChildren(String path) {
    return FakeZooKeeper.getChildren(path);
  }

  public HelixProperty readData(String path) {
    return FakeZooKeeper.readData(path);
  }

  public void createEphemeral(String path, HelixProperty record) {
    FakeZooKeeper.create(path, record);
  }

  public void createPersistent(String path, HelixProperty record) {
    FakeZooKeeper.create(path, record);
  }

  public boolean delete(String path) {
    return FakeZooKeeper.delete(path);
  }

  void fireChildChangedEvents(final String path) {
    Set<IZkChildListener> childListeners = _childListener.get(path);
    if (childListeners == null || _closed) {
      return;
    }
    for (final IZkChildListener listener : childListeners) {
      _eventThread.send(new ZkEventThread.ZkEvent("Children of " + path + " changed sent to "
          + listener) {
        @Override
        public void run() throws Exception {
          listener.handleChildChange(path, Collections.unmodifiableList(getChildren(path)));
        }
      });
    }
  }

  public boolean isClosed() {
    return _closed;
  }

  public void close() {
    _closed = true;
    _eventThread.interrupt();
  }
}
