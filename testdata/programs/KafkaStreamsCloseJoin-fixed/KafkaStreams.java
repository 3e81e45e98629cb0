package kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A Kafka Streams instance: its state is changed under a lock of its own, not its monitor. */
public class KafkaStreams {
  private static final int DEFAULT_CLOSE_TIMEOUT = 0;
  private static final long POLL_MS = 100L;

  /** The states of an instance. */
  public enum State {
    CREATED, RUNNING, REBALANCING, PENDING_SHUTDOWN, NOT_RUNNING;

    public boolean isCreatedOrRunning() {
      return this == CREATED || this == RUNNING || this == REBALANCING;
    }
  }

  private final StreamThread[] threads;
  private final Map<Long, StreamThread.State> threadState = new HashMap<>();
  private final Object stateLock = new Object();
  private volatile State state = State.CREATED;

  public KafkaStreams(int numStreamThreads) {
    threads = new StreamThread[numStreamThreads];
    for (int i = 0; i < threads.length; i++) {
      threads[i] = new StreamThread(new KafkaConsumer(), POLL_MS);
      threads[i].setStateListener(new StreamStateListener());
      threadState.put(threads[i].getId(), threads[i].state());
    }
  }

  private void setState(State newState) {
    synchronized (stateLock) {
      state = newState;
    }
  }

  public synchronized State state() {
    return state;
  }

  /** One per stream thread: folds the threads' states into the instance's. */
  private final class StreamStateListener implements StreamThread.StateListener {
    @Override
    public synchronized void onChange(StreamThread thread, StreamThread.State newState,
        StreamThread.State oldState) {
      threadState.put(thread.getId(), newState);
      if (newState == StreamThread.State.PARTITIONS_REVOKED
          || newState == StreamThread.State.ASSIGNING_PARTITIONS) {
        setState(State.REBALANCING);
      } else if (newState == StreamThread.State.RUNNING) {
        for (StreamThread.State state : threadState.values()) {
          if (state != StreamThread.State.RUNNING) {
            return;
          }
        }
        setState(State.RUNNING);
      }
    }
  }

  public synchronized void start() {
    if (state == State.CREATED) {
      setState(State.RUNNING);
      for (StreamThread thread : threads) {
        thread.start();
      }
    } else {
      throw new IllegalStateException("Cannot start again.");
    }
  }

  /** Signals the threads to stop and waits for them; a timeout of 0 waits forever. */
  public void close() {
    close(DEFAULT_CLOSE_TIMEOUT, TimeUnit.SECONDS);
  }

  public synchronized boolean close(long timeout, TimeUnit timeUnit) {
    if (state.isCreatedOrRunning()) {
      setState(State.PENDING_SHUTDOWN);
      // save the current thread so that if it is a stream thread
      // we don't attempt to join it and cause a deadlock
      final Thread shutdown = new Thread(new Runnable() {
        @Override
        public void run() {
          // signal the threads to stop and wait
          for (StreamThread thread : threads) {
            // avoid deadlocks by stopping any further state reports
            // from the thread since we're shutting down
            thread.setStateListener(null);
            thread.close();
          }
          for (StreamThread thread : threads) {
            try {
              if (!thread.stillRunning()) {
                thread.join();
              }
            } catch (InterruptedException ex) {
              Thread.interrupted();
            }
          }
        }
      }, "kafka-streams-close-thread");
      shutdown.setDaemon(true);
      shutdown.start();
      try {
        shutdown.join(TimeUnit.MILLISECONDS.convert(timeout, timeUnit));
      } catch (InterruptedException e) {
        Thread.interrupted();
      }
      setState(State.NOT_RUNNING);
      return !shutdown.isAlive();
    }
    return true;
  }
}
