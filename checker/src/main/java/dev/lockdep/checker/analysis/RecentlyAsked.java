package dev.lockdep.checker.analysis;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What is kept per element, made when first asked for, with the element asked about last at hand:
 * the front end asks about one method or class several times in a row (a call for its callee's
 * lock operations and then its other facts, a lock's type for each JDK lock type).
 */
final class RecentlyAsked<K, V> {
  private final Map<K, V> values = new HashMap<>();
  private final Supplier<V> fresh;
  private K lastKey;
  private V lastValue;

  RecentlyAsked(Supplier<V> fresh) {
    this.fresh = fresh;
  }

  /** The value of {@code key}, a fresh one when it is asked for the first time. */
  V get(K key) {
    if (key != lastKey) {
      V value = values.get(key);
      if (value == null) {
        value = fresh.get();
        values.put(key, value);
      }
      lastKey = key;
      lastValue = value;
    }
    return lastValue;
  }
}
