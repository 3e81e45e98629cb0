package fence;

import dev.lockdep.annotations.FenceSignalling;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/** Two stages: the producer completes the output under the stage lock; the consumer waits for it. */
public final class Pipeline {
  private final Object stageLock = new Object();
  private final FutureTask<String> output = new FutureTask<>(() -> "frame");
  private int produced;

  @FenceSignalling
  public void produce() {
    synchronized (stageLock) {
      produced++;
      output.run();
    }
  }

  /** Waits for the output holding the lock its producer needs to complete it. */
  public String consume() throws InterruptedException, ExecutionException {
    Future<String> result = output;
    synchronized (stageLock) {
      return result.get() + produced;
    }
  }
}
