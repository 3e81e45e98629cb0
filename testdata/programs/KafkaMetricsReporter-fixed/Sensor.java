package kafka;

import java.util.ArrayList;
import java.util.List;

/**
 * KAFKA-7136's fix: the metrics read and the stats update under a lock of their own, metricLock,
 * which the sensor passes to each metric; the sensor's monitor still guards its lists.
 */
public final class Sensor {
  private final Metrics registry;
  private final Object metricLock = new Object();
  private final List<MeasurableStat> stats = new ArrayList<>();
  private final List<KafkaMetric> metrics = new ArrayList<>();

  Sensor(Metrics registry) {
    this.registry = registry;
  }

  public void record(double value) {
    long now = System.currentTimeMillis();
    synchronized (this) {
      synchronized (metricLock) {
        for (MeasurableStat stat : stats) {
          stat.record(value, now);
        }
      }
    }
  }

  public synchronized boolean add(String metricName, MeasurableStat stat) {
    KafkaMetric metric = new KafkaMetric(metricLock, metricName, stat);
    registry.registerMetric(metric);
    metrics.add(metric);
    stats.add(stat);
    return true;
  }
}
