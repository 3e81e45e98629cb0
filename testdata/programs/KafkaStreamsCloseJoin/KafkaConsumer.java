package kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The stream thread's consumer: a poll that joins the group runs the rebalance listener first. */
public class KafkaConsumer {
  private ConsumerRebalanceListener listener;
  private final List<String> assignment = new ArrayList<>();
  private boolean needsRejoin = true;

  public void subscribe(ConsumerRebalanceListener listener) {
    this.listener = listener;
  }

  /** Polls for records; a pending rebalance is completed first, on the calling thread. */
  public List<String> poll(long timeoutMs) {
    if (needsRejoin) {
      joinGroupIfNeeded();
    }
    return new ArrayList<>();
  }

  private void joinGroupIfNeeded() {
    onJoinPrepare();
    assignment.add("source-topic-0");
    needsRejoin = false;
    onJoinComplete(new ArrayList<>(assignment));
  }

  private void onJoinPrepare() {
    Collection<String> revoked = new ArrayList<>(assignment);
    assignment.clear();
    listener.onPartitionsRevoked(revoked);
  }

  private void onJoinComplete(Collection<String> assigned) {
    listener.onPartitionsAssigned(assigned);
  }

  public void close() {
    assignment.clear();
  }
}
