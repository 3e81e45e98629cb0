package statsd;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Micrometer's Datadog line builder with the fix of gh-2100. */
class DatadogStatsdLineBuilder extends FlavorStatsdLineBuilder {
  private final Object conventionTagsLock = new Object();
  private final ConcurrentMap<Statistic, String> tags = new ConcurrentHashMap<>();
  private volatile NamingConvention namingConvention;
  private volatile String name;
  private volatile String conventionTags;

  DatadogStatsdLineBuilder(String meterName, MeterRegistryConfig config) {
    super(meterName, config);
  }

  @Override
  String line(String amount, Statistic stat, String type) {
    updateIfNamingConventionChanged();
    return name + amount + "|" + type + tagsByStatistic(stat);
  }

  /** Clears the cached tags (each of the map's bins, under its lock) with conventionTagsLock held. */
  private void updateIfNamingConventionChanged() {
    NamingConvention next = config.namingConvention();
    if (namingConvention != next) {
      namingConvention = next;
      name = next.name(meterName) + ":";
      synchronized (conventionTagsLock) {
        tags.clear();
        conventionTags = next.tagKey("host") + ":local";
      }
    }
  }

  /**
   * gh-2100's fix: a hit is read without a lock; a miss takes conventionTagsLock first and then
   * computes under the map's bin, the same order as updateIfNamingConventionChanged.
   */
  private String tagsByStatistic(Statistic stat) {
    if (stat == null) {
      return "";
    }
    String cached = tags.get(stat);
    if (cached != null) {
      return cached;
    }
    synchronized (conventionTagsLock) {
      return tags.computeIfAbsent(stat, key -> tags(key, conventionTags, ":", "|#"));
    }
  }
}
