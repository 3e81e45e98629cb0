package app;

import java.util.ArrayList;
import java.util.List;
import kafka.KafkaMetric;
import kafka.MetricsReporter;

/**
 * A user's reporter that pushes every metric's value periodically: it synchronizes on itself both
 * when told about a metric and while reading the values.
 */
public class PushReporter implements MetricsReporter, Runnable {
  private final List<KafkaMetric> metrics = new ArrayList<>();

  @Override
  public synchronized void init(List<KafkaMetric> initial) {
    metrics.addAll(initial);
  }

  @Override
  public synchronized void metricChange(KafkaMetric metric) {
    metrics.add(metric);
  }

  @Override
  public synchronized void metricRemoval(KafkaMetric metric) {
    metrics.remove(metric);
  }

  /** Run by the reporter's scheduler. */
  @Override
  public synchronized void run() {
    for (KafkaMetric metric : metrics) {
      send(metric.metricName(), metric.metricValue());
    }
  }

  private void send(String name, Object value) {}

  @Override
  public void close() {}
}
