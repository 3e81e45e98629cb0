package statsd;

/** Builds the statsd line of one meter's measurement. */
interface StatsdLineBuilder {
  String count(long amount, Statistic stat);
}
