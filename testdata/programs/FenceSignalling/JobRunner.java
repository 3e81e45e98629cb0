package fence;

import dev.lockdep.annotations.FenceSignalling;
import dev.lockdep.annotations.Reclaim;
import java.util.concurrent.CompletableFuture;

/** Runs jobs whose completion other work waits for. */
public final class JobRunner {
  private final CompletableFuture<byte[]> done = new CompletableFuture<>();

  /** Everything here must run for {@code done} to complete: reclaim may wait for that very future. */
  @FenceSignalling
  public void runJob(int bytes) {
    done.complete(scratch(bytes));
  }

  @Reclaim
  byte[] scratch(int bytes) {
    return new byte[bytes];
  }
}
