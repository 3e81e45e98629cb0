package logback;

/** The two threads of the report: one logs under the task's monitor, one logs the task. */
final class DeadlockDemo {
  private static final Logger LOG = LoggerFactory.getLogger("DeadlockDemo");

  private DeadlockDemo() {}

  static void startThreads() {
    final NamedTask task = new NamedTask();
    task.setName("BAR");

    new Thread("T1") {
      @Override
      public void run() {
        LOG.info("Thread 1 start");
        int count = 0;
        while (!isInterrupted()) {
          task.doStuff(++count);
        }
      }
    }.start();

    new Thread("T2") {
      @Override
      public void run() {
        LOG.info("Thread 2 start");
        int count = 0;
        while (!isInterrupted()) {
          LOG.debug("T2 count={} a={}", ++count, task);
        }
      }
    }.start();
  }
}
