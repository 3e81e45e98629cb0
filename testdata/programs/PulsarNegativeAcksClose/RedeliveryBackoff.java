package pulsar;

/** The API's redelivery backoff: the delay before the n-th redelivery. */
public interface RedeliveryBackoff {
  long next(int redeliveryCount);
}
