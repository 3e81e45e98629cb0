package statsd;

/** What a measurement of a meter is. */
enum Statistic {
  COUNT,
  TOTAL_TIME,
  MAX
}
