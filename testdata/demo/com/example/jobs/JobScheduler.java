package com.example.jobs;

import dev.lockdep.annotations.FenceSignalling;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Runs jobs whose results other jobs wait for. */
public final class JobScheduler {
  private final Object queueLock = new Object();
  private final CompletableFuture<String> result = new CompletableFuture<>();

  /** Everything here must run for {@code result} to complete. */
  @FenceSignalling
  public void runJob() {
    synchronized (queueLock) {
      result.complete("done");
    }
  }

  /** Waits for the job's result while holding the queue lock the job needs. */
  public String awaitResult() throws InterruptedException, ExecutionException {
    synchronized (queueLock) {
      return result.get();
    }
  }
}
