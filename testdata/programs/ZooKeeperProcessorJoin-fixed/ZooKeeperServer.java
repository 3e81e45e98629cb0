package zookeeper.server;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server: its lifecycle methods are synchronized; the count of requests in process, which
 * the last stage of the pipeline decrements from the sync thread, is atomic (the fix, 3.4.8).
 */
public class ZooKeeperServer {
  private RequestProcessor firstProcessor;
  private final AtomicInteger requestsInProcess = new AtomicInteger();

  public synchronized void startup() {
    SyncRequestProcessor sync = new SyncRequestProcessor(new FinalRequestProcessor(this));
    sync.start();
    firstProcessor = sync;
  }

  public synchronized void shutdown() {
    if (firstProcessor != null) {
      firstProcessor.shutdown();
    }
  }

  public void incInProcess() {
    requestsInProcess.incrementAndGet();
  }

  public void decInProcess() {
    requestsInProcess.decrementAndGet();
  }

  public void submitRequest(Object request) {
    incInProcess();
    firstProcessor.processRequest(request);
  }
}
