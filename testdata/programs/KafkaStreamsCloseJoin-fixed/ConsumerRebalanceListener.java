package kafka;

import java.util.Collection;

/** Called back by the consumer, on the polling thread, when a rebalance revokes or assigns partitions. */
public interface ConsumerRebalanceListener {
  void onPartitionsRevoked(Collection<String> partitions);

  void onPartitionsAssigned(Collection<String> partitions);
}
