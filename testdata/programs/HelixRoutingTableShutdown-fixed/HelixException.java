package helix;

/** org.apache.helix.HelixException */
public class HelixException extends RuntimeException {
  public HelixException(String message) {
    super(message);
  }

  public HelixException(String message, Throwable cause) {
    super(message, cause);
  }
}
