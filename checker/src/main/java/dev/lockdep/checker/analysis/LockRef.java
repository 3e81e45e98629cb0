package dev.lockdep.checker.analysis;

import dev.lockdep.lockgraph.HeldLock;
import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.Provenance;
import dev.lockdep.lockgraph.ReadMode;
import java.util.Objects;

/**
 * A lock as an acquisition or release names it: its lock class, how it is taken, and which object
 * it is when the front end can tell.
 *
 * @param lockClass the class (key, subclass, reentrancy)
 * @param mode how the lock is taken: a read view is {@link ReadMode#SHARED}
 * @param instance the identity of the lock object: the same string means the same object (the
 *     same expression on effectively-final roots, with local aliases followed), {@code null} when
 *     the expression may denote different objects at different times. Both views of one
 *     read-write lock share the instance of that lock.
 * @param text the lock expression as written, for messages
 */
public record LockRef(LockClass lockClass, ReadMode mode, String instance, String text) {

  public LockRef {
    Objects.requireNonNull(lockClass);
    Objects.requireNonNull(mode);
    Objects.requireNonNull(text);
  }

  LockRef withMode(ReadMode newMode) {
    return new LockRef(lockClass, newMode, instance, text);
  }

  LockRef withText(String newText) {
    return new LockRef(lockClass, mode, instance, newText);
  }

  /** This lock as a summary holds it: taken at {@code at}, by a trylock or not. */
  HeldLock held(boolean trylock, Provenance at) {
    return new HeldLock(lockClass, mode, trylock, instance, at);
  }

  /** Whether both certainly denote one lock object. */
  boolean sameInstance(LockRef other) {
    return instance != null && instance.equals(other.instance);
  }

  /** The object {@code instance} names when {@code this} in it stands for {@code receiver}. */
  static String rebase(String instance, String receiver) {
    if (instance == null) {
      return null;
    }
    if (instance.equals("this") || instance.startsWith("this.")) {
      return receiver == null ? null : receiver + instance.substring("this".length());
    }
    return instance;
  }
}
