package fs;

import dev.lockdep.annotations.Acquires;
import dev.lockdep.annotations.Nested;
import dev.lockdep.annotations.Releases;

/** The fixed twin of LockdepAnnotationMisuse/Tree.java. */
class Tree {
  private final Object lock = new Object();

  void link(Tree parent, Tree child) {
    Object outer = parent.lock;
    @Nested(1) Object inner = child.lock;
    synchronized (outer) {
      synchronized (inner) {}
    }
  }

  void adopt(Tree child) {
    @Nested(1) Object inner = child.lock;
    synchronized (lock) {
      synchronized (inner) {}
    }
  }

  @Acquires("lock")
  void enter() {}

  @Releases("lock")
  void exit() {}
}
