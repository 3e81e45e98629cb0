package dev.lockdep.lockgraph;

import java.util.Arrays;

/** A growable int array: BFS queues and edge lists without boxing. */
final class IntList {
  private int[] items;
  private int size;

  IntList(int capacity) {
    items = new int[Math.max(4, capacity)];
  }

  void add(int value) {
    if (size == items.length) {
      items = Arrays.copyOf(items, items.length * 2);
    }
    items[size++] = value;
  }

  int get(int i) {
    return items[i];
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  int removeLast() {
    return items[--size];
  }

  int last() {
    return items[size - 1];
  }
}
