package dev.lockdep.testdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;

/**
 * Callbacks done right across calls: listeners are copied under the registry lock and run after it
 * is released; a synchronous map callback and a helper that runs its argument take only locks
 * ordered after the registry's; work handed to an executor runs later with nothing held.
 * LockdepCheck must compile it silently.
 */
public final class ListenerRegistry {
  /** Told about every event; implementations take their own lock. */
  public interface Listener {
    void onEvent(String event);
  }

  /** A listener that counts events under its own lock, and may read the registry's size. */
  public static final class CountingListener implements Listener {
    private final Object lock = new Object();
    private final ListenerRegistry registry;
    private int events;

    public CountingListener(ListenerRegistry registry) {
      this.registry = registry;
    }

    @Override
    public void onEvent(String event) {
      int size = registry.size();
      synchronized (lock) {
        events += size > 0 ? 1 : 0;
      }
    }
  }

  private final Object registry = new Object();
  private final Object index = new Object();
  private final List<Listener> listeners = new ArrayList<>();
  private final Map<String, Integer> counts = new TreeMap<>();
  private final Executor executor;

  public ListenerRegistry(Executor executor) {
    this.executor = executor;
  }

  public void register(Listener listener) {
    synchronized (registry) {
      listeners.add(listener);
    }
  }

  public int size() {
    synchronized (registry) {
      return listeners.size();
    }
  }

  /** Runs the listeners after releasing the registry lock. */
  public void fire(String event) {
    List<Listener> copy;
    synchronized (registry) {
      copy = new ArrayList<>(listeners);
    }
    for (Listener listener : copy) {
      listener.onEvent(event);
    }
  }

  /** The merge function runs at once, under registry, and takes index: registry before index. */
  public void count(String event) {
    synchronized (registry) {
      counts.merge(event, 1, (a, b) -> {
        synchronized (index) {
          return a + b;
        }
      });
    }
  }

  /** The action runs under registry; it takes index, in the same order. */
  public void underRegistry(Runnable action) {
    synchronized (registry) {
      action.run();
    }
  }

  public void reindex() {
    underRegistry(this::touchIndex);
  }

  private void touchIndex() {
    synchronized (index) {
      counts.size();
    }
  }

  /** The executor runs the task later, in another thread, with nothing held. */
  public void refreshLater() {
    synchronized (index) {
      executor.execute(() -> {
        synchronized (registry) {
          listeners.size();
        }
      });
    }
  }
}
