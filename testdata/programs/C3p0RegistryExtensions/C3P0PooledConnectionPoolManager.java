package c3p0;

/** Creates the data source's pool with the customizer and the data source's token. */
class C3P0PooledConnectionPoolManager {
  private final C3P0PooledConnectionPool pool;

  C3P0PooledConnectionPoolManager(ConnectionCustomizer customizer, String parentDataSourceIdentityToken) {
    this.pool = new C3P0PooledConnectionPool(new WrapperConnectionPoolDataSource(), customizer, parentDataSourceIdentityToken);
  }

  C3P0PooledConnectionPool getPool() {
    return pool;
  }

  void close() {
    pool.close();
  }
}
