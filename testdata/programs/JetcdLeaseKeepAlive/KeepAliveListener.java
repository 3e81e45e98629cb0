package jetcd;

/** What the user holds to receive keep-alive responses, and closes when done. */
interface KeepAliveListener extends AutoCloseable {
  KeepAliveResponse listen() throws InterruptedException;

  @Override
  void close();
}
