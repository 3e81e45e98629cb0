package zookeeper.server;

/** A stage of the server's request pipeline. */
interface RequestProcessor {
  void processRequest(Object request);

  void shutdown();
}
