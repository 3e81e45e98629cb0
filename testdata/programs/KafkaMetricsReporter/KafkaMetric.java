package kafka;

/** A metric whose value is read under the lock its sensor gave it. */
public final class KafkaMetric {
  private final Object lock;
  private final String name;
  private final MeasurableStat stat;

  KafkaMetric(Object lock, String name, MeasurableStat stat) {
    this.lock = lock;
    this.name = name;
    this.stat = stat;
  }

  public String metricName() {
    return name;
  }

  public Object metricValue() {
    long now = System.currentTimeMillis();
    synchronized (lock) {
      return stat.measure(now);
    }
  }
}
