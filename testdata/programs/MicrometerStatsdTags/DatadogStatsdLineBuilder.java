package statsd;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Micrometer 1.4/1.5's Datadog line builder, before gh-2100 was fixed. */
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

  /** computeIfAbsent runs ddTag with the bin of stat locked. */
  private String tagsByStatistic(Statistic stat) {
    return stat == null ? "" : tags.computeIfAbsent(stat, this::ddTag);
  }

  private String ddTag(Statistic stat) {
    synchronized (conventionTagsLock) {
      return tags(stat, conventionTags, ":", "|#");
    }
  }
}
