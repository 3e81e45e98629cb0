package c3p0;

/** Opens a physical connection and wraps it as a pooled connection. */
class WrapperConnectionPoolDataSource {
  NewPooledConnection getPooledConnection(ConnectionCustomizer cc, String pdsIdt) {
    return new NewPooledConnection(new PhysicalConnection(), cc, pdsIdt);
  }
}
