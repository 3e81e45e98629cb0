package fs;

import dev.lockdep.annotations.Acquires;
import dev.lockdep.annotations.Nested;

/** Annotations that cannot mean what they say. */
class Tree {
  private final Object lock = new Object();

  /** lockdep has 8 subclasses, 0 to 7. */
  void link(Tree parent, @Nested(8) Tree child) {
    synchronized (parent.lock) {
      synchronized (child.lock) {}
    }
  }

  /** @Nested names the lock the variable is: child.lock is another object and keeps subclass 0. */
  void adopt(@Nested(1) Tree child) {
    synchronized (lock) {
      synchronized (child.lock) {}
    }
  }

  /** There is no field named mutex. */
  @Acquires("mutex")
  void enter() {}
}
