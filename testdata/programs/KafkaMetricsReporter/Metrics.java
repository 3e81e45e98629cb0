package kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The registry: tells every reporter about a new metric with its own monitor held. */
public class Metrics {
  private final Map<String, KafkaMetric> metrics = new HashMap<>();
  private final List<MetricsReporter> reporters = new ArrayList<>();

  public synchronized void addReporter(MetricsReporter reporter) {
    reporter.init(new ArrayList<>(metrics.values()));
    reporters.add(reporter);
  }

  public synchronized Sensor sensor(String name) {
    return new Sensor(this);
  }

  synchronized void registerMetric(KafkaMetric metric) {
    metrics.put(metric.metricName(), metric);
    for (MetricsReporter reporter : reporters) {
      reporter.metricChange(metric);
    }
  }
}
