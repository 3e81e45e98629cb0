package grpc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A transport that holds the streams made while no real transport is ready, and hands them to
 * one when its supplier gives one. Its own lock guards the pending streams.
 */
final class DelayedClientTransport implements ClientTransport {
  private final Object lock = new Object();
  private final List<PendingStream> pendingStreams = new ArrayList<>();
  private boolean backoff;

  @Override
  public Stream newStream(String method) {
    synchronized (lock) {
      PendingStream stream = new PendingStream(method);
      pendingStreams.add(stream);
      return stream;
    }
  }

  void startBackoff() {
    synchronized (lock) {
      backoff = true;
    }
  }

  void endBackoff() {
    synchronized (lock) {
      backoff = false;
    }
  }

  boolean hasPendingStreams() {
    synchronized (lock) {
      return !pendingStreams.isEmpty();
    }
  }

  /** Hands every pending stream to the transport the supplier gives, under this transport's lock. */
  void setTransportSupplier(Supplier<ClientTransport> supplier) {
    synchronized (lock) {
      for (PendingStream stream : pendingStreams) {
        stream.createRealStream(supplier.get());
      }
      pendingStreams.clear();
    }
  }

  private static final class PendingStream implements Stream {
    private final String method;
    private ClientTransport transport;

    PendingStream(String method) {
      this.method = method;
    }

    /** The transport the stream is made on once it is started. */
    void createRealStream(ClientTransport transport) {
      this.transport = transport;
    }
  }
}
