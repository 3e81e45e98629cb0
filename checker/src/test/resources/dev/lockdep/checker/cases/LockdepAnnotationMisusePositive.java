package cases;

import dev.lockdep.annotations.Acquires;
import dev.lockdep.annotations.LockClass;
import dev.lockdep.annotations.Nested;
import dev.lockdep.annotations.Releases;

class LockdepAnnotationMisusePositive {
  // BUG: Diagnostic contains: invalid lockdep annotation: @Nested(8) on `child`: a subclass is 0 to 7
  @Nested(8)
  private final Object child = new Object();

  // BUG: Diagnostic contains: @LockClass on `count` of primitive type int: only an object can be a lock
  @LockClass("Counter")
  private int count;

  // BUG: Diagnostic contains: @Nested(-1) on `deep`
  @Nested(-1)
  void deep() {}

  // BUG: Diagnostic contains: @Acquires names `missing`, which is not `this`, a parameter or a field
  @Acquires("missing")
  void enter() {}

  // BUG: Diagnostic contains: both @Acquires and @Releases `child`
  @Releases("child")
  @Acquires("child")
  void confused() {}

  void local() {
    // BUG: Diagnostic contains: @Nested(9) on `parent`
    @Nested(9) Object parent = child;
  }

  // BUG: Diagnostic contains: @Nested(1) on `other` has no effect: `other` is never locked itself, and `other.child`
  void adopt(@Nested(1) LockdepAnnotationMisusePositive other) {
    synchronized (child) {
      synchronized (other.child) {}
    }
  }
}
