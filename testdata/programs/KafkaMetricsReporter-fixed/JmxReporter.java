package kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Kafka's own reporter: registers MBeans under a static lock and reads values without it. */
public class JmxReporter implements MetricsReporter {
  private static final Object LOCK = new Object();
  private final Map<String, KafkaMetric> mbeans = new HashMap<>();

  @Override
  public void init(List<KafkaMetric> metrics) {
    synchronized (LOCK) {
      for (KafkaMetric metric : metrics) {
        mbeans.put(metric.metricName(), metric);
      }
    }
  }

  @Override
  public void metricChange(KafkaMetric metric) {
    synchronized (LOCK) {
      mbeans.put(metric.metricName(), metric);
    }
  }

  @Override
  public void metricRemoval(KafkaMetric metric) {
    synchronized (LOCK) {
      mbeans.remove(metric.metricName());
    }
  }

  /** A JMX getAttribute: looks the metric up under the lock, reads it after. */
  public Object getAttribute(String name) {
    KafkaMetric metric;
    synchronized (LOCK) {
      metric = mbeans.get(name);
    }
    return metric == null ? null : metric.metricValue();
  }

  @Override
  public void close() {}
}
