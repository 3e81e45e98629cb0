package pulsar;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/** Keeps a producer's or consumer's current connection and (re)connects it. */
public class ConnectionHandler {
  private static final AtomicReferenceFieldUpdater<ConnectionHandler, ClientCnx> CLIENT_CNX_UPDATER =
      AtomicReferenceFieldUpdater.newUpdater(ConnectionHandler.class, ClientCnx.class, "clientCnx");
  @SuppressWarnings("unused")
  private volatile ClientCnx clientCnx = null;

  private final HandlerState state;
  private final Connection connection;

  /** What a handler's owner does when a connection opens or fails. */
  interface Connection {
    void connectionFailed(PulsarClientException exception);

    CompletableFuture<Void> connectionOpened(ClientCnx cnx);
  }

  protected ConnectionHandler(HandlerState state, Connection connection) {
    this.state = state;
    this.connection = connection;
  }

  /** The client's connection pool is reduced to a new connection to a v21 broker. */
  protected void grabCnx() {
    if (CLIENT_CNX_UPDATER.get(this) != null) {
      return;
    }
    if (state.getState() == HandlerState.State.Closing
        || state.getState() == HandlerState.State.Closed) {
      return;
    }
    ClientCnx cnx = new ClientCnx(ProtocolVersion.v21.getValue());
    connection.connectionOpened(cnx).exceptionally(e -> {
      connection.connectionFailed(new PulsarClientException(e));
      return null;
    });
  }

  public ClientCnx cnx() {
    return CLIENT_CNX_UPDATER.get(this);
  }

  protected void setClientCnx(ClientCnx clientCnx) {
    CLIENT_CNX_UPDATER.set(this, clientCnx);
  }
}
