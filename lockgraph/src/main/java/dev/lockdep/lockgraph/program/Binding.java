package dev.lockdep.lockgraph.program;

import dev.lockdep.lockgraph.LockClass;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a parameter stands for.
 *
 * <p>{@code lockClass}: the class of the argument, or null; {@code instance}: the argument's
 * instance name in the outermost caller's terms, or null; {@code type}: the argument's runtime
 * type when the walk knows it, else null; {@code types}: where it is not one type but the walk
 * knows which it may be, those, in name order, else null; {@code bound}: when its runtime type is
 * not known, the narrowest static type the caller knows it by, where that is narrower than the
 * callee's own (a {@code SessionLocal} passed as a {@code CastDataProvider}), else null; {@code
 * callbacks}: the callbacks it carries; {@code none}: the argument is the literal {@code null}, no
 * object.
 */
final class Binding {
  final LockClass lockClass;
  final String instance;
  final String type;
  final String[] types;
  final String bound;
  final Bound[] callbacks;
  final boolean none;
  final int hash;

  Binding(LockClass lockClass, String instance, String type, String bound, Bound[] callbacks) {
    this(lockClass, instance, type, null, bound, callbacks, false);
  }

  Binding(
      LockClass lockClass, String instance, String type, String[] types, String bound, Bound[] callbacks,
      boolean none) {
    this.none = none;
    this.lockClass = lockClass;
    this.instance = instance;
    this.type = type;
    this.types = types;
    this.bound = bound;
    this.callbacks = callbacks;
    int h = lockClass == null ? 0 : lockClass.hashCode();
    h = 31 * h + (instance == null ? 0 : instance.hashCode());
    h = 31 * h + (type == null ? 0 : type.hashCode());
    h = 31 * h + Arrays.hashCode(types);
    h = 31 * h + (bound == null ? 0 : bound.hashCode());
    h = 31 * h + (none ? 1 : 0);
    for (Bound carried : callbacks) {
      h = 31 * h + carried.callback.target().hashCode();
      h = 31 * h + carried.frame.hash;
    }
    this.hash = h;
  }

  boolean same(Binding other) {
    if (hash != other.hash
        || !sameClass(lockClass, other.lockClass)
        || !Objects.equals(instance, other.instance)
        || !Objects.equals(type, other.type)
        || !Arrays.equals(types, other.types)
        || !Objects.equals(bound, other.bound)
        || none != other.none
        || callbacks.length != other.callbacks.length) {
      return false;
    }
    for (int i = 0; i < callbacks.length; i++) {
      if (!callbacks[i].same(other.callbacks[i])) {
        return false;
      }
    }
    return true;
  }

  /** The same lock class in every respect a mapped lock takes from it, not only its identity. */
  private static boolean sameClass(LockClass a, LockClass b) {
    return a == b
        || (a != null && b != null && a.key().equals(b.key()) && a.subclass() == b.subclass()
            && a.name().equals(b.name()) && a.reentrant() == b.reentrant() && a.pseudo() == b.pseudo()
            && a.typed() == b.typed());
  }
}
