package com.rabbitmq.utility;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copies of the connection's synchronized collections, taken under their own monitors. */
public final class Utility {
  private Utility() {}

  /** Synchronizes on the list and then returns a copy of the list that is safe to iterate over. */
  public static <E> List<E> copy(final List<E> list) {
    synchronized (list) {
      return new ArrayList<E>(list);
    }
  }

  /** Synchronizes on the map and then returns a copy of the map that is safe to iterate over. */
  public static <K, V> Map<K, V> copy(final Map<K, V> map) {
    synchronized (map) {
      return new LinkedHashMap<K, V>(map);
    }
  }
}
