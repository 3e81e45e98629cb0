package rhino;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The properties of an object, unlocked: its read lock is a no-op for single-threaded use. */
class SlotMapContainer implements Iterable<Slot> {
  private final Map<Object, Slot> map = new LinkedHashMap<>();

  /** Finds the property, adding it when absent. */
  Slot modify(Object key, int attributes) {
    return map.computeIfAbsent(key, Slot::new);
  }

  Slot query(Object key) {
    return map.get(key);
  }

  /** Takes a read lock on the map, if locking is implemented; unlockRead must follow. */
  long readLock() {
    return 0L;
  }

  void unlockRead(long stamp) {}

  @Override
  public Iterator<Slot> iterator() {
    return map.values().iterator();
  }
}
