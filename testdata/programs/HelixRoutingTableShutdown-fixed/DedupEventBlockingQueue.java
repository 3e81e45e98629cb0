package helix;

import java.util.HashMap;
import java.util.LinkedList;
import java.util.Map;
import java.util.Queue;

/** org.apache.helix.common.DedupEventBlockingQueue: one pending event per type. */
public class DedupEventBlockingQueue<T, E> {
  private final Map<T, Entry<T, E>> _eventMap;
  private final Queue<Entry> _eventQueue;

  class Entry <T, E> {
    private T _type;
    private E _event;

    Entry (T type, E event) {
      _type = type;
      _event = event;
    }

    T getType() {
      return _type;
    }

    E getEvent() {
      return _event;
    }
  }

  public DedupEventBlockingQueue() {
    _eventMap = new HashMap<>();
    _eventQueue = new LinkedList<>();
  }

  public synchronized void clear() {
    _eventMap.clear();
    _eventQueue.clear();
  }

  @SuppressWarnings("unchecked")
  public synchronized void put(T type, E event) {
    Entry entry = new Entry(type, event);

    if (!_eventMap.containsKey(entry.getType())) {
      // only insert to the queue if there isn't a same-typed event already present
      boolean result = _eventQueue.offer(entry);
      if (!result) {
        return;
      }
    }
    // always overwrite the existing entry in the map in case the entry is different
    _eventMap.put((T) entry.getType(), entry);
    notify();
  }

  @SuppressWarnings("unchecked")
  public synchronized E take() throws InterruptedException {
    while (_eventQueue.isEmpty()) {
      wait();
    }
    Entry entry = _eventQueue.poll();
    if (entry != null) {
      entry = _eventMap.remove(entry.getType());
      return (E) entry.getEvent();
    }
    return null;
  }

  public int size() {
    return _eventQueue.size();
  }

  public boolean isEmpty() {
    return _eventQueue.isEmpty();
  }
}
