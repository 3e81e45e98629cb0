package callbacks;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/** Callbacks: a synchronous map API, an analysed helper that runs its argument, an executor. */
class Registry {
  private final Object registry = new Object();
  private final Object index = new Object();
  private final Map<String, Object> entries = new HashMap<>();
  private final Executor executor;

  Registry(Executor executor) {
    this.executor = executor;
  }

  /** computeIfAbsent runs the lambda at once: index is taken under registry. */
  Object lookup(String key) {
    synchronized (registry) {
      return entries.computeIfAbsent(key, k -> {
        synchronized (index) {
          return new Object();
        }
      });
    }
  }

  /** Runs the action under the index lock. */
  void underIndex(Runnable action) {
    synchronized (index) {
      action.run();
    }
  }

  /** The helper runs the method reference under index: registry is taken under index. */
  void reindex() {
    underIndex(this::clearRegistry);
  }

  private void clearRegistry() {
    synchronized (registry) {
      entries.clear();
    }
  }

  /** The executor runs the lambda later in another thread, with nothing held: no dependency. */
  void refreshLater() {
    synchronized (index) {
      executor.execute(() -> {
        synchronized (registry) {
          entries.clear();
        }
      });
    }
  }
}
