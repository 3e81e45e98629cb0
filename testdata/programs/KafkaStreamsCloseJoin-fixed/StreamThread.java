package kafka;

import java.util.Collection;
import java.util.List;

/** A stream thread: its state changes under its own monitor and are reported to its listener. */
public class StreamThread extends Thread {

  /** The states of a stream thread. */
  public enum State {
    NOT_RUNNING, RUNNING, PARTITIONS_REVOKED, ASSIGNING_PARTITIONS, PENDING_SHUTDOWN;

    public boolean isRunning() {
      return this != PENDING_SHUTDOWN && this != NOT_RUNNING;
    }
  }

  /** Listens to the state changes of a stream thread. */
  public interface StateListener {
    void onChange(StreamThread thread, State newState, State oldState);
  }

  private volatile State state = State.NOT_RUNNING;
  private StateListener stateListener = null;

  private final KafkaConsumer consumer;
  private final long pollTimeMs;
  final ConsumerRebalanceListener rebalanceListener;

  public StreamThread(KafkaConsumer consumer, long pollTimeMs) {
    this.consumer = consumer;
    this.pollTimeMs = pollTimeMs;
    this.rebalanceListener = new RebalanceListener();
    setState(State.RUNNING);
  }

  public void setStateListener(StateListener listener) {
    this.stateListener = listener;
  }

  public synchronized State state() {
    return state;
  }

  private synchronized void setState(State newState) {
    State oldState = state;
    state = newState;
    if (stateListener != null) {
      stateListener.onChange(this, state, oldState);
    }
  }

  private synchronized void setStateWhenNotInPendingShutdown(State newState) {
    if (state == State.PENDING_SHUTDOWN) {
      return;
    }
    setState(newState);
  }

  /** Executes the stream processors until the thread is told to shut down. */
  @Override
  public void run() {
    try {
      runLoop();
    } finally {
      shutdown();
    }
  }

  /** Tells this thread to shut down. */
  public synchronized void close() {
    setState(State.PENDING_SHUTDOWN);
  }

  private void shutdown() {
    consumer.close();
    setState(State.NOT_RUNNING);
  }

  private List<String> pollRequests(long pollTimeMs) {
    return consumer.poll(pollTimeMs);
  }

  private void runLoop() {
    consumer.subscribe(rebalanceListener);
    while (stillRunning()) {
      List<String> records = pollRequests(pollTimeMs);
      records.clear();
    }
  }

  public synchronized boolean stillRunning() {
    return state.isRunning();
  }

  /** The consumer's callbacks: a rebalance moves the thread through its states. */
  private final class RebalanceListener implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<String> assignment) {
      setStateWhenNotInPendingShutdown(State.ASSIGNING_PARTITIONS);
      setStateWhenNotInPendingShutdown(State.RUNNING);
    }

    @Override
    public void onPartitionsRevoked(Collection<String> assignment) {
      setStateWhenNotInPendingShutdown(State.PARTITIONS_REVOKED);
    }
  }
}
