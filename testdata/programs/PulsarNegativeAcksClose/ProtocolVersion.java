package pulsar;

/** The wire protocol versions a broker may speak. */
public enum ProtocolVersion {
  v1(1), v2(2), v21(21);

  private final int value;

  ProtocolVersion(int value) {
    this.value = value;
  }

  public int getValue() {
    return value;
  }
}
