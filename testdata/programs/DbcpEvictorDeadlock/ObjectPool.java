package dbcp;

/** commons-pool's pool interface. */
interface ObjectPool {
  Object borrowObject();

  void returnObject(Object obj);
}
