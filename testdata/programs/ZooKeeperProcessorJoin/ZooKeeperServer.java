package zookeeper.server;

/**
 * The server: its lifecycle methods are synchronized, and so is the count of requests in
 * process, which the last stage of the pipeline decrements from the sync thread.
 */
public class ZooKeeperServer {
  private RequestProcessor firstProcessor;
  private int requestsInProcess;

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

  public synchronized void incInProcess() {
    requestsInProcess++;
  }

  public synchronized void decInProcess() {
    requestsInProcess--;
  }

  public void submitRequest(Object request) {
    incInProcess();
    firstProcessor.processRequest(request);
  }
}
