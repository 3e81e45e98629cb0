package cases;

import dev.lockdep.annotations.Acquires;
import dev.lockdep.annotations.LockClass;
import dev.lockdep.annotations.Nested;
import dev.lockdep.annotations.Releases;

class LockdepAnnotationMisuseNegative {
  static final Object GLOBAL = new Object();

  @Nested(7)
  private final Object child = new Object();

  @LockClass("Counter")
  private final Object counter = new Object();

  @SuppressWarnings("LockdepAnnotationMisuse")
  @Nested(9)
  private final Object suppressed = new Object();

  @Nested(0)
  void shallow() {}

  @Acquires({"this", "child", "LockdepAnnotationMisuseNegative.GLOBAL"})
  void enter() {}

  @Releases("other")
  void exit(Object other) {}

  class Inner {
    @Acquires("LockdepAnnotationMisuseNegative.this")
    void enterOuter() {}
  }

  /** The documented form: the variable is the lock. */
  void link(LockdepAnnotationMisuseNegative parent, @Nested(1) LockdepAnnotationMisuseNegative child) {
    synchronized (parent) {
      synchronized (child) {}
    }
  }

  /** A lock reached through an object, nested through a variable of its own. */
  void adopt(LockdepAnnotationMisuseNegative other) {
    @Nested(1) Object inner = other.child;
    synchronized (child) {
      synchronized (inner) {}
    }
  }
}
