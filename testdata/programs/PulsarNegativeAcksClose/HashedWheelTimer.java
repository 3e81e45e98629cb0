package pulsar;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-in for Netty's io.netty.util.HashedWheelTimer, reduced to one bucket: newTimeout() puts
 * the timeout on a lock-free queue and starts the worker thread on first use; the worker moves
 * the queued timeouts into its bucket every tick and expires the due ones, running each task on
 * the worker thread. cancel() is a CAS and a lock-free enqueue, as in Netty.
 */
public class HashedWheelTimer implements Timer {
  private static final int WORKER_STATE_INIT = 0;
  private static final int WORKER_STATE_STARTED = 1;
  private static final int WORKER_STATE_SHUTDOWN = 2;

  private final Worker worker = new Worker();
  private final Thread workerThread;
  private final AtomicInteger workerState = new AtomicInteger(WORKER_STATE_INIT);
  private final long tickDuration;
  private final Queue<HashedWheelTimeout> timeouts = new ConcurrentLinkedQueue<>();
  private final Queue<HashedWheelTimeout> cancelledTimeouts = new ConcurrentLinkedQueue<>();

  public HashedWheelTimer(ThreadFactory threadFactory, long tickDuration, TimeUnit unit) {
    this.tickDuration = unit.toNanos(tickDuration);
    this.workerThread = threadFactory.newThread(worker);
  }

  public void start() {
    switch (workerState.get()) {
      case WORKER_STATE_INIT:
        if (workerState.compareAndSet(WORKER_STATE_INIT, WORKER_STATE_STARTED)) {
          workerThread.start();
        }
        break;
      case WORKER_STATE_STARTED:
        break;
      default:
        throw new IllegalStateException("cannot be started once stopped");
    }
  }

  @Override
  public void stop() {
    workerState.set(WORKER_STATE_SHUTDOWN);
  }

  @Override
  public Timeout newTimeout(TimerTask task, long delay, TimeUnit unit) {
    if (task == null) {
      throw new NullPointerException("task");
    }
    start();
    long deadline = System.nanoTime() + unit.toNanos(delay);
    HashedWheelTimeout timeout = new HashedWheelTimeout(this, task, deadline);
    timeouts.add(timeout);
    return timeout;
  }

  private final class Worker implements Runnable {
    private final List<HashedWheelTimeout> bucket = new ArrayList<>();

    @Override
    public void run() {
      do {
        final long deadline = waitForNextTick();
        if (deadline > 0) {
          processCancelledTasks();
          transferTimeoutsToBuckets();
          expireTimeouts(deadline);
        }
      } while (workerState.get() == WORKER_STATE_STARTED);
    }

    private void transferTimeoutsToBuckets() {
      for (int i = 0; i < 100000; i++) {
        HashedWheelTimeout timeout = timeouts.poll();
        if (timeout == null) {
          break;
        }
        if (timeout.state() == HashedWheelTimeout.ST_CANCELLED) {
          continue;
        }
        bucket.add(timeout);
      }
    }

    private void processCancelledTasks() {
      for (;;) {
        HashedWheelTimeout timeout = cancelledTimeouts.poll();
        if (timeout == null) {
          break;
        }
        bucket.remove(timeout);
      }
    }

    private void expireTimeouts(long deadline) {
      Iterator<HashedWheelTimeout> it = bucket.iterator();
      while (it.hasNext()) {
        HashedWheelTimeout timeout = it.next();
        if (timeout.deadline <= deadline) {
          it.remove();
          timeout.expire();
        } else if (timeout.isCancelled()) {
          it.remove();
        }
      }
    }

    private long waitForNextTick() {
      try {
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(tickDuration) + 1);
      } catch (InterruptedException ignored) {
        if (workerState.get() == WORKER_STATE_SHUTDOWN) {
          return Long.MIN_VALUE;
        }
      }
      return System.nanoTime();
    }
  }

  private static final class HashedWheelTimeout implements Timeout {
    private static final int ST_INIT = 0;
    private static final int ST_CANCELLED = 1;
    private static final int ST_EXPIRED = 2;

    private final HashedWheelTimer timer;
    private final TimerTask task;
    private final long deadline;
    private final AtomicInteger state = new AtomicInteger(ST_INIT);

    HashedWheelTimeout(HashedWheelTimer timer, TimerTask task, long deadline) {
      this.timer = timer;
      this.task = task;
      this.deadline = deadline;
    }

    @Override
    public Timer timer() {
      return timer;
    }

    @Override
    public TimerTask task() {
      return task;
    }

    @Override
    public boolean cancel() {
      if (!state.compareAndSet(ST_INIT, ST_CANCELLED)) {
        return false;
      }
      timer.cancelledTimeouts.add(this);
      return true;
    }

    int state() {
      return state.get();
    }

    @Override
    public boolean isCancelled() {
      return state() == ST_CANCELLED;
    }

    void expire() {
      if (!state.compareAndSet(ST_INIT, ST_EXPIRED)) {
        return;
      }
      try {
        task.run(this);
      } catch (Throwable t) {
        System.err.println("An exception was thrown by TimerTask: " + t);
      }
    }
  }
}
