package c3p0;

/** The connection pool: its resource pool acquires connections through this pool's manager. */
class C3P0PooledConnectionPool {
  private final BasicResourcePool rp;

  C3P0PooledConnectionPool(WrapperConnectionPoolDataSource cpds, ConnectionCustomizer customizer, String pdsIdt) {
    this.rp = new BasicResourcePool(new PooledConnectionResourcePoolManager(cpds, customizer, pdsIdt));
  }

  NewPooledConnection checkoutPooledConnection() {
    return (NewPooledConnection) rp.checkoutResource();
  }

  void close() {
    rp.close();
  }

  /** Opens one pooled connection for the resource pool. */
  private static final class PooledConnectionResourcePoolManager implements BasicResourcePool.Manager {
    private final WrapperConnectionPoolDataSource cpds;
    private final ConnectionCustomizer customizer;
    private final String pdsIdt;

    PooledConnectionResourcePoolManager(WrapperConnectionPoolDataSource cpds, ConnectionCustomizer customizer, String pdsIdt) {
      this.cpds = cpds;
      this.customizer = customizer;
      this.pdsIdt = pdsIdt;
    }

    @Override
    public Object acquireResource() {
      return cpds.getPooledConnection(customizer, pdsIdt);
    }
  }
}
