package zookeeper.server;

/** The last stage: applies a request and counts it done. */
final class FinalRequestProcessor implements RequestProcessor {
  private final ZooKeeperServer zks;

  FinalRequestProcessor(ZooKeeperServer zks) {
    this.zks = zks;
  }

  @Override
  public void processRequest(Object request) {
    zks.decInProcess();
  }

  @Override
  public void shutdown() {}
}
