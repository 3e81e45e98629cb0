package pulsar;

/** The API's checked client exception. */
public class PulsarClientException extends Exception {
  public PulsarClientException(String msg) {
    super(msg);
  }

  public PulsarClientException(Throwable t) {
    super(t);
  }

  public static PulsarClientException unwrap(Throwable t) {
    if (t instanceof PulsarClientException) {
      return (PulsarClientException) t;
    }
    if (t.getCause() instanceof PulsarClientException) {
      return (PulsarClientException) t.getCause();
    }
    return new PulsarClientException(t);
  }
}
