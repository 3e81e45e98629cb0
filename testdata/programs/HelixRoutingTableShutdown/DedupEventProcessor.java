package helix;

/**
 * org.apache.helix.common.DedupEventProcessor: a thread handling the events of a dedup queue
 * (multiple producers, a single consumer).
 */
public abstract class DedupEventProcessor<T, E> extends Thread {
  protected final DedupEventBlockingQueue<T, E> _eventQueue;
  protected final String _clusterName;
  protected final String _processorName;

  public DedupEventProcessor(String clusterName, String processorName) {
    super(processorName + "-" + clusterName);
    _processorName = processorName;
    _eventQueue = new DedupEventBlockingQueue<>();
    _clusterName = clusterName;
  }

  @Override
  public void run() {
    System.out.println("START " + _processorName + " thread for cluster " + _clusterName);
    while (!isInterrupted()) {
      try {
        E event = _eventQueue.take();
        handleEvent(event);
      } catch (InterruptedException e) {
        interrupt();
      } catch (Throwable t) {
        System.out.println(_processorName + " thread failed while running " + _processorName
            + ": " + t);
      }
    }
    System.out.println("END " + _processorName + " thread for cluster " + _clusterName);
  }

  protected abstract void handleEvent(E event);

  public void queueEvent(T eventType, E event) {
    if (isInterrupted()) {
      return;
    }
    _eventQueue.put(eventType, event);
  }

  public void shutdown() {
    this.interrupt();
    _eventQueue.clear();
  }
}
