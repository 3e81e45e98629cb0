package jetcd;

/** A lease keep-alive response from the server. */
final class KeepAliveResponse {
  final long leaseId;
  final long ttl;

  KeepAliveResponse(long leaseId, long ttl) {
    this.leaseId = leaseId;
    this.ttl = ttl;
  }
}
