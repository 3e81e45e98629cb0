package grpc.internal;

/** A stream of one call. */
interface Stream {}
