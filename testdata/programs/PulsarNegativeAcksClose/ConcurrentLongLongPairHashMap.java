package pulsar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pulsar's map from a pair of longs to a pair of longs (org.apache.pulsar.common.util.collections),
 * reduced to a HashMap: the real one splits its table into sections, each a StampedLock that
 * put/remove/forEach take and release inside the call (a leaf lock, taken under the tracker's
 * monitor only).
 */
public class ConcurrentLongLongPairHashMap {
  /** A visitor of the entries. */
  public interface BiConsumerLongPair {
    void accept(long key1, long key2, long value1, long value2);
  }

  /** The builder. */
  public static class Builder {
    private boolean autoShrink;
    private int concurrencyLevel = 16;

    public Builder autoShrink(boolean autoShrink) {
      this.autoShrink = autoShrink;
      return this;
    }

    public Builder concurrencyLevel(int concurrencyLevel) {
      this.concurrencyLevel = concurrencyLevel;
      return this;
    }

    public ConcurrentLongLongPairHashMap build() {
      return new ConcurrentLongLongPairHashMap(concurrencyLevel, autoShrink);
    }
  }

  private final Map<List<Long>, long[]> table = new HashMap<>();

  private ConcurrentLongLongPairHashMap(int concurrencyLevel, boolean autoShrink) {}

  public static Builder newBuilder() {
    return new Builder();
  }

  public boolean put(long key1, long key2, long value1, long value2) {
    table.put(List.of(key1, key2), new long[] {value1, value2});
    return true;
  }

  public boolean remove(long key1, long key2) {
    return table.remove(List.of(key1, key2)) != null;
  }

  public boolean isEmpty() {
    return table.isEmpty();
  }

  public long size() {
    return table.size();
  }

  public void clear() {
    table.clear();
  }

  public void forEach(BiConsumerLongPair processor) {
    for (Map.Entry<List<Long>, long[]> e : new ArrayList<>(table.entrySet())) {
      processor.accept(e.getKey().get(0), e.getKey().get(1), e.getValue()[0], e.getValue()[1]);
    }
  }
}
