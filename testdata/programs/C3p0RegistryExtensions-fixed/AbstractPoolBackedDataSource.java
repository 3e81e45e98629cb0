package c3p0;

/** The data source: its pool manager is created on first use and reset on close. */
abstract class AbstractPoolBackedDataSource extends PoolBackedDataSourceBase implements PooledDataSource {
  private C3P0PooledConnectionPoolManager poolManager;
  private boolean isClosed;

  protected AbstractPoolBackedDataSource(String identityToken) {
    setIdentityToken(identityToken);
    C3P0Registry.register(this);
  }

  @Override
  public PhysicalConnection getConnection() {
    return getPoolManager().getPool().checkoutPooledConnection().getPhysicalConnection();
  }

  private synchronized C3P0PooledConnectionPoolManager getPoolManager() {
    if (isClosed) {
      throw new IllegalStateException("closed");
    }
    if (poolManager == null) {
      poolManager = new C3P0PooledConnectionPoolManager(getConnectionCustomizer(), getIdentityToken());
    }
    return poolManager;
  }

  private synchronized void resetPoolManager() {
    if (poolManager != null) {
      poolManager.close();
      poolManager = null;
    }
  }

  /** The other side of the fix: the registry is told after the data source's monitor is left. */
  @Override
  public void close() {
    synchronized (this) {
      resetPoolManager();
      isClosed = true;
    }
    C3P0Registry.markClosed(this);
  }
}
