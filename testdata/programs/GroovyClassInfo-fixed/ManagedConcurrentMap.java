package groovy;

/** A concurrent map of weak keys split in segments; each segment is locked with lock()/unlock(). */
abstract class ManagedConcurrentMap<K, V> {
  private final Segment<K, V>[] segments;

  @SuppressWarnings("unchecked")
  ManagedConcurrentMap(int count) {
    segments = new Segment[count];
    for (int i = 0; i < count; i++) {
      segments[i] = createSegment();
    }
  }

  protected abstract Segment<K, V> createSegment();

  Entry<K, V> getOrPut(K key) {
    int hash = key.hashCode();
    return segments[(hash >>> 16) & (segments.length - 1)].put(key, hash);
  }

  abstract static class Segment<K, V> extends LockableObject {
    private Entry<K, V>[] table;

    @SuppressWarnings("unchecked")
    Segment() {
      table = new Entry[16];
    }

    final Entry<K, V> put(K key, int hash) {
      lock();
      try {
        int index = hash & (table.length - 1);
        Entry<K, V> existing = table[index];
        if (existing != null && existing.get() == key) {
          return existing;
        }
        Entry<K, V> created = createEntry(key, hash);
        table[index] = created;
        return created;
      } finally {
        unlock();
      }
    }

    final void removeEntry(Entry<K, V> entry) {
      lock();
      int index = entry.hash & (table.length - 1);
      try {
        if (table[index] == entry) {
          table[index] = null;
        }
      } finally {
        unlock();
      }
    }

    protected abstract Entry<K, V> createEntry(K key, int hash);
  }

  /** An entry is a managed reference to its key: when the key is collected it leaves its segment. */
  static class Entry<K, V> extends ManagedReference<K> {
    private final Segment<K, V> segment;
    final int hash;

    Entry(ReferenceBundle bundle, Segment<K, V> segment, K key, int hash) {
      super(bundle, key);
      this.segment = segment;
      this.hash = hash;
    }

    @Override
    public void finalizeReference() {
      segment.removeEntry(this);
      super.finalizeReference();
    }
  }
}
