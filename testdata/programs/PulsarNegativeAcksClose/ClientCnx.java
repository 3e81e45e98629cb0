package pulsar;

import java.util.concurrent.CompletableFuture;

/**
 * A connection to a broker, reduced: writes are handed to the channel (Netty's event loop in the
 * real client) and a request's response future completes when the broker answers; here the
 * broker answers at once.
 */
public class ClientCnx {
  private final int remoteEndpointProtocolVersion;

  public ClientCnx(int remoteEndpointProtocolVersion) {
    this.remoteEndpointProtocolVersion = remoteEndpointProtocolVersion;
  }

  public int getRemoteEndpointProtocolVersion() {
    return remoteEndpointProtocolVersion;
  }

  public void writeAndFlush(Object cmd) {
    // the channel writes the command on its event loop
  }

  public CompletableFuture<Object> sendRequestWithId(Object cmd, long requestId) {
    writeAndFlush(cmd);
    return CompletableFuture.completedFuture(null);
  }

  public void removeConsumer(long consumerId) {
    // the connection forgets the consumer
  }

  public void close() {
    // the channel is closed
  }
}
