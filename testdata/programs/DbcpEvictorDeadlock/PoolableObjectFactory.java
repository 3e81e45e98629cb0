package dbcp;

/** commons-pool's factory interface: the pool calls it for the lifecycle of its objects. */
interface PoolableObjectFactory {
  Object makeObject();

  void destroyObject(Object obj);

  boolean validateObject(Object obj);

  void activateObject(Object obj);

  void passivateObject(Object obj);
}
