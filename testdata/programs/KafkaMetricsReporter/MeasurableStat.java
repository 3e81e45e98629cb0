package kafka;

/** A statistic a sensor records into and a metric reads. */
interface MeasurableStat {
  void record(double value, long timeMs);

  double measure(long timeMs);
}
