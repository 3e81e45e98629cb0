package statsd;

/** How meter and tag names are rendered; the registry's convention can change at any time. */
interface NamingConvention {
  String name(String name);

  String tagKey(String key);
}
