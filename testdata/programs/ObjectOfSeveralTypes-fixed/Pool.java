package severaltypes;

/**
 * The fixed twin: the resource lets go of its monitor before it calls the pool.
 */
class Pool {
  private final Object lock = new Object();
  private final Resource resource;

  Pool(boolean file) {
    resource = file ? new FileResource() : new SocketResource();
  }

  void touch() {
    synchronized (lock) {
    }
  }

  void drain() {
    synchronized (lock) {
      resource.release(this);
    }
  }
}

abstract class Resource {
  void release(Pool pool) {
    synchronized (this) {
    }
    pool.touch();
  }
}

class FileResource extends Resource {}

class SocketResource extends Resource {}
