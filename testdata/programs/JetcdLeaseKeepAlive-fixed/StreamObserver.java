package jetcd;

/** gRPC's stream observer: the transport calls onNext() for each response, on its own thread. */
interface StreamObserver<V> {
  void onNext(V value);

  void onError(Throwable t);

  void onCompleted();
}
