package grpc.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The transports to one address: a real one when connected, else a delayed one that keeps the
 * streams made meanwhile. After a failed connection it backs off, and at the end of the backoff
 * it connects again if streams are waiting.
 */
final class TransportSet {
  private final Object lock = new Object();
  private final ScheduledExecutorService scheduledExecutor;
  private ClientTransport activeTransport;
  private ScheduledFuture<?> reconnectTask;
  private long backoffMillis = 1000;

  TransportSet(ScheduledExecutorService scheduledExecutor) {
    this.scheduledExecutor = scheduledExecutor;
  }

  /** The transport streams go to: the active one, or a new delayed one while connecting. */
  ClientTransport obtainActiveTransport() {
    ClientTransport saved = activeTransport;
    if (saved != null) {
      return saved;
    }
    synchronized (lock) {
      if (activeTransport == null) {
        DelayedClientTransport delayedTransport = new DelayedClientTransport();
        activeTransport = delayedTransport;
        startNewTransport(delayedTransport);
      }
      return activeTransport;
    }
  }

  private void startNewTransport(DelayedClientTransport delayedTransport) {
    // Starts connecting a real transport; when it fails, transportShutdown backs off.
  }

  /** The connection attempt failed: back off, then try again or go idle. */
  void transportShutdown(DelayedClientTransport delayedTransport) {
    Runnable runnable;
    synchronized (lock) {
      runnable = scheduleBackoff(delayedTransport);
    }
    runnable.run();
  }

  /** Schedules the end of the backoff; what it returns starts the delayed transport's, outside the lock. */
  private Runnable scheduleBackoff(final DelayedClientTransport delayedTransport) {
    class EndOfCurrentBackoff implements Runnable {
      @Override
      public void run() {
        delayedTransport.endBackoff();
        boolean shutdownDelayedTransport = false;
        // The transport set, a channel-level class, does not call into a transport while holding
        // its lock: transport lock > channel lock. A benign race: it may connect again with no
        // stream pending.
        boolean hasPendingStreams = delayedTransport.hasPendingStreams();
        synchronized (lock) {
          reconnectTask = null;
          if (hasPendingStreams) {
            // Transition directly to CONNECTING.
            startNewTransport(delayedTransport);
          } else {
            // Transition to IDLE.
            activeTransport = null;
            shutdownDelayedTransport = true;
          }
        }
        if (shutdownDelayedTransport) {
          // Streams that came in the meantime go to a transport obtained again.
          delayedTransport.setTransportSupplier(() -> obtainActiveTransport());
        }
      }
    }

    reconnectTask = scheduledExecutor.schedule(new EndOfCurrentBackoff(), backoffMillis, TimeUnit.MILLISECONDS);
    // Run outside the lock: the transport set's lock is a channel-level lock, and startBackoff()
    // takes the delayed transport's, a transport-level one (grpc-java#2152).
    return () -> delayedTransport.startBackoff();
  }
}
