package grpc.internal;

/** A transport streams are made on. */
interface ClientTransport {
  Stream newStream(String method);
}
