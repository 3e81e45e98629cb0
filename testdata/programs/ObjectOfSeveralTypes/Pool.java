package severaltypes;

/**
 * A pool whose resource may be a file or a socket resource, both running the one synchronized
 * method they inherit. The pool drains under its lock into the resource's monitor, and the
 * resource releases into the pool under its monitor: one cycle, whichever type the resource is,
 * reported once, naming the other type.
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
  synchronized void release(Pool pool) {
    pool.touch();
  }
}

class FileResource extends Resource {}

class SocketResource extends Resource {}
