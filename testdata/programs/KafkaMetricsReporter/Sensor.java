package kafka;

import java.util.ArrayList;
import java.util.List;

/** After KAFKA-6765 and before KAFKA-7136: the sensor itself is its metrics' lock. */
public final class Sensor {
  private final Metrics registry;
  private final List<MeasurableStat> stats = new ArrayList<>();
  private final List<KafkaMetric> metrics = new ArrayList<>();

  Sensor(Metrics registry) {
    this.registry = registry;
  }

  public void record(double value) {
    long now = System.currentTimeMillis();
    synchronized (this) {
      for (MeasurableStat stat : stats) {
        stat.record(value, now);
      }
    }
  }

  public synchronized boolean add(String metricName, MeasurableStat stat) {
    KafkaMetric metric = new KafkaMetric(this, metricName, stat);
    registry.registerMetric(metric);
    metrics.add(metric);
    stats.add(stat);
    return true;
  }
}
