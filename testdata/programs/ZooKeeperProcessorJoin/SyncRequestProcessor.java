package zookeeper.server;

import java.util.concurrent.LinkedBlockingQueue;

/**
 * The stage that logs requests on a thread of its own and hands them on. Its shutdown() asks the
 * thread to stop and joins it: the thread that calls shutdown() waits for run() to end.
 */
final class SyncRequestProcessor extends Thread implements RequestProcessor {
  private static final Object REQUEST_OF_DEATH = new Object();
  private final LinkedBlockingQueue<Object> queued = new LinkedBlockingQueue<>();
  private final RequestProcessor nextProcessor;

  SyncRequestProcessor(RequestProcessor nextProcessor) {
    super("SyncThread");
    this.nextProcessor = nextProcessor;
  }

  @Override
  public void run() {
    try {
      while (true) {
        Object request = queued.take();
        if (request == REQUEST_OF_DEATH) {
          break;
        }
        nextProcessor.processRequest(request);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void processRequest(Object request) {
    queued.add(request);
  }

  @Override
  public void shutdown() {
    queued.add(REQUEST_OF_DEATH);
    try {
      join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    nextProcessor.shutdown();
  }
}
