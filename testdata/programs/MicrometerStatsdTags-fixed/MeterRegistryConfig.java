package statsd;

/** The registry's configuration, read on every line. */
class MeterRegistryConfig {
  private volatile NamingConvention namingConvention;

  MeterRegistryConfig(NamingConvention namingConvention) {
    this.namingConvention = namingConvention;
  }

  NamingConvention namingConvention() {
    return namingConvention;
  }

  void namingConvention(NamingConvention convention) {
    this.namingConvention = convention;
  }
}
