package dbcp;

/** DBCP's factory: passivating a connection clears its statement trace. */
class PoolableConnectionFactory implements PoolableObjectFactory {
  private ObjectPool pool;

  void setPool(ObjectPool pool) {
    this.pool = pool;
  }

  @Override
  public Object makeObject() {
    return new PoolableConnection(pool);
  }

  @Override
  public void destroyObject(Object obj) {
    if (obj instanceof PoolableConnection) {
      ((PoolableConnection) obj).reallyClose();
    }
  }

  @Override
  public boolean validateObject(Object obj) {
    return obj instanceof DelegatingConnection;
  }

  @Override
  public void activateObject(Object obj) {}

  @Override
  public void passivateObject(Object obj) {
    if (obj instanceof DelegatingConnection) {
      DelegatingConnection conn = (DelegatingConnection) obj;
      conn.passivate();
    }
  }
}
