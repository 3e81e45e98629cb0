package c3p0;

/** A pooled connection: the customizer sees every connection as it is acquired. */
class NewPooledConnection {
  private final PhysicalConnection physicalConnection;

  NewPooledConnection(PhysicalConnection con, ConnectionCustomizer cc, String pdsIdt) {
    this.physicalConnection = con;
    if (cc != null) {
      cc.onAcquire(con, pdsIdt);
    }
  }

  PhysicalConnection getPhysicalConnection() {
    return physicalConnection;
  }
}
