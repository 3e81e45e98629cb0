package statsd;

/** The line builders of the statsd flavors; the registry's publishing threads call them. */
abstract class FlavorStatsdLineBuilder implements StatsdLineBuilder {
  protected final String meterName;
  protected final MeterRegistryConfig config;

  protected FlavorStatsdLineBuilder(String meterName, MeterRegistryConfig config) {
    this.meterName = meterName;
    this.config = config;
  }

  @Override
  public String count(long amount, Statistic stat) {
    return line(Long.toString(amount), stat, "c");
  }

  abstract String line(String amount, Statistic stat, String type);

  protected String tags(Statistic stat, String otherTags, String separator, String preamble) {
    String statTag = stat == null ? "" : "statistic" + separator + stat.name().toLowerCase();
    String tags = otherTags == null ? statTag : statTag + "," + otherTags;
    return tags.isEmpty() ? tags : preamble + tags;
  }
}
