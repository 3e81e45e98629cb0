package kafka;

import java.util.List;

/** A plug-in told about each metric added or removed. */
public interface MetricsReporter {
  void init(List<KafkaMetric> metrics);

  void metricChange(KafkaMetric metric);

  void metricRemoval(KafkaMetric metric);

  void close();
}
