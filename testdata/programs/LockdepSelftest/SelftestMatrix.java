package selftest;

import dev.lockdep.annotations.LockClass;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The shapes of lib/locking-selftest.c as Java methods. Every case is a nested class with locks of
 * its own, so that its lock classes meet no other case's, as each kernel case runs against an
 * empty graph. LU2(x, y) is: lock x; lock y; unlock y; unlock x. Expected answers are lockdep's:
 * every case FAILs (one report) except where a comment says SUCCESS.
 */
final class SelftestMatrix {

  /** AA: LOCK(X1); LOCK(X2), two instances of class X. FAIL (recursive locking). */
  static final class MutexAA {
    @LockClass("MutexAA.X") final ReentrantLock x1 = new ReentrantLock();
    @LockClass("MutexAA.X") final ReentrantLock x2 = new ReentrantLock();

    void aa() { x1.lock(); x2.lock(); x2.unlock(); x1.unlock(); }
  }

  static final class SpinAA {
    @LockClass("SpinAA.X") final Object x1 = new Object();
    @LockClass("SpinAA.X") final Object x2 = new Object();

    void aa() { synchronized (x1) { synchronized (x2) { } } }
  }

  static final class WsemAA {
    @LockClass("WsemAA.X") final ReentrantReadWriteLock x1 = new ReentrantReadWriteLock();
    @LockClass("WsemAA.X") final ReentrantReadWriteLock x2 = new ReentrantReadWriteLock();

    void aa() { x1.writeLock().lock(); x2.writeLock().lock(); x2.writeLock().unlock(); x1.writeLock().unlock(); }
  }

  /** rsem_AA2, "recursive read-lock #2": RSL(X1); RSL(X2). FAIL: a queued writer blocks the second reader. */
  static final class RsemAA {
    @LockClass("RsemAA.X") final ReentrantReadWriteLock x1 = new ReentrantReadWriteLock();
    @LockClass("RsemAA.X") final ReentrantReadWriteLock x2 = new ReentrantReadWriteLock();

    void aa() { x1.readLock().lock(); x2.readLock().lock(); x2.readLock().unlock(); x1.readLock().unlock(); }
  }

  /** "mixed read-write": RSL(X1); WSL(X2). FAIL. */
  static final class RsemReadWrite {
    @LockClass("RsemReadWrite.X") final ReentrantReadWriteLock x1 = new ReentrantReadWriteLock();
    @LockClass("RsemReadWrite.X") final ReentrantReadWriteLock x2 = new ReentrantReadWriteLock();

    void rw() { x1.readLock().lock(); x2.writeLock().lock(); x2.writeLock().unlock(); x1.readLock().unlock(); }
  }

  /** "mixed write-read": WSL(X1); RSL(X2). FAIL. */
  static final class RsemWriteRead {
    @LockClass("RsemWriteRead.X") final ReentrantReadWriteLock x1 = new ReentrantReadWriteLock();
    @LockClass("RsemWriteRead.X") final ReentrantReadWriteLock x2 = new ReentrantReadWriteLock();

    void wr() { x1.writeLock().lock(); x2.readLock().lock(); x2.readLock().unlock(); x1.writeLock().unlock(); }
  }

  /**
   * rsem_AA1: RSL(X1); RSL(X1) on one instance. lockdep FAILs it; ReentrantReadWriteLock grants
   * a read lock to a thread that already holds it even with writers queued, so Java code that does
   * this does not deadlock. SUCCESS (SPEC §5: read locks re-entered by the holder are fine).
   */
  static final class RsemSameInstance {
    final ReentrantReadWriteLock x1 = new ReentrantReadWriteLock();

    void aa() { x1.readLock().lock(); x1.readLock().lock(); x1.readLock().unlock(); x1.readLock().unlock(); }
  }

  /** ABBA (mutex: ReentrantLock, exclusive): LU2(A, B); LU2(B, A). FAIL. */
  static final class MutexABBA {
    final ReentrantLock a = new ReentrantLock();
    final ReentrantLock b = new ReentrantLock();

    void ab() { a.lock(); b.lock(); b.unlock(); a.unlock(); }

    void ba() { b.lock(); a.lock(); a.unlock(); b.unlock(); }
  }

  /** ABBCCA (mutex: ReentrantLock, exclusive): LU2(A, B); LU2(B, C); LU2(C, A). FAIL. */
  static final class MutexABBCCA {
    final ReentrantLock a = new ReentrantLock();
    final ReentrantLock b = new ReentrantLock();
    final ReentrantLock c = new ReentrantLock();

    void ab() { a.lock(); b.lock(); b.unlock(); a.unlock(); }

    void bc() { b.lock(); c.lock(); c.unlock(); b.unlock(); }

    void ca() { c.lock(); a.lock(); a.unlock(); c.unlock(); }
  }

  /** ABCDBDDA (mutex: ReentrantLock, exclusive): LU2(A, B); LU2(C, D); LU2(B, D); LU2(D, A). FAIL. */
  static final class MutexABCDBDDA {
    final ReentrantLock a = new ReentrantLock();
    final ReentrantLock b = new ReentrantLock();
    final ReentrantLock c = new ReentrantLock();
    final ReentrantLock d = new ReentrantLock();

    void ab() { a.lock(); b.lock(); b.unlock(); a.unlock(); }

    void cd() { c.lock(); d.lock(); d.unlock(); c.unlock(); }

    void bd() { b.lock(); d.lock(); d.unlock(); b.unlock(); }

    void da() { d.lock(); a.lock(); a.unlock(); d.unlock(); }
  }

  /** ABCDBCDA (mutex: ReentrantLock, exclusive): LU2(A, B); LU2(C, D); LU2(B, C); LU2(D, A). FAIL. */
  static final class MutexABCDBCDA {
    final ReentrantLock a = new ReentrantLock();
    final ReentrantLock b = new ReentrantLock();
    final ReentrantLock c = new ReentrantLock();
    final ReentrantLock d = new ReentrantLock();

    void ab() { a.lock(); b.lock(); b.unlock(); a.unlock(); }

    void cd() { c.lock(); d.lock(); d.unlock(); c.unlock(); }

    void bc() { b.lock(); c.lock(); c.unlock(); b.unlock(); }

    void da() { d.lock(); a.lock(); a.unlock(); d.unlock(); }
  }

  /** ABBA (spin: synchronized, exclusive): LU2(A, B); LU2(B, A). FAIL. */
  static final class SpinABBA {
    final Object a = new Object();
    final Object b = new Object();

    void ab() { synchronized (a) { synchronized (b) { } } }

    void ba() { synchronized (b) { synchronized (a) { } } }
  }

  /** ABBCCA (spin: synchronized, exclusive): LU2(A, B); LU2(B, C); LU2(C, A). FAIL. */
  static final class SpinABBCCA {
    final Object a = new Object();
    final Object b = new Object();
    final Object c = new Object();

    void ab() { synchronized (a) { synchronized (b) { } } }

    void bc() { synchronized (b) { synchronized (c) { } } }

    void ca() { synchronized (c) { synchronized (a) { } } }
  }

  /** ABCDBDDA (spin: synchronized, exclusive): LU2(A, B); LU2(C, D); LU2(B, D); LU2(D, A). FAIL. */
  static final class SpinABCDBDDA {
    final Object a = new Object();
    final Object b = new Object();
    final Object c = new Object();
    final Object d = new Object();

    void ab() { synchronized (a) { synchronized (b) { } } }

    void cd() { synchronized (c) { synchronized (d) { } } }

    void bd() { synchronized (b) { synchronized (d) { } } }

    void da() { synchronized (d) { synchronized (a) { } } }
  }

  /** ABCDBCDA (spin: synchronized, exclusive): LU2(A, B); LU2(C, D); LU2(B, C); LU2(D, A). FAIL. */
  static final class SpinABCDBCDA {
    final Object a = new Object();
    final Object b = new Object();
    final Object c = new Object();
    final Object d = new Object();

    void ab() { synchronized (a) { synchronized (b) { } } }

    void cd() { synchronized (c) { synchronized (d) { } } }

    void bc() { synchronized (b) { synchronized (c) { } } }

    void da() { synchronized (d) { synchronized (a) { } } }
  }

  /** ABBA (wsem: write locks): LU2(A, B); LU2(B, A). FAIL. */
  static final class WsemABBA {
    final ReentrantReadWriteLock a = new ReentrantReadWriteLock();
    final ReentrantReadWriteLock b = new ReentrantReadWriteLock();

    void ab() { a.writeLock().lock(); b.writeLock().lock(); b.writeLock().unlock(); a.writeLock().unlock(); }

    void ba() { b.writeLock().lock(); a.writeLock().lock(); a.writeLock().unlock(); b.writeLock().unlock(); }
  }

  /** ABBCCA (wsem: write locks): LU2(A, B); LU2(B, C); LU2(C, A). FAIL. */
  static final class WsemABBCCA {
    final ReentrantReadWriteLock a = new ReentrantReadWriteLock();
    final ReentrantReadWriteLock b = new ReentrantReadWriteLock();
    final ReentrantReadWriteLock c = new ReentrantReadWriteLock();

    void ab() { a.writeLock().lock(); b.writeLock().lock(); b.writeLock().unlock(); a.writeLock().unlock(); }

    void bc() { b.writeLock().lock(); c.writeLock().lock(); c.writeLock().unlock(); b.writeLock().unlock(); }

    void ca() { c.writeLock().lock(); a.writeLock().lock(); a.writeLock().unlock(); c.writeLock().unlock(); }
  }

  /** ABCDBDDA (wsem: write locks): LU2(A, B); LU2(C, D); LU2(B, D); LU2(D, A). FAIL. */
  static final class WsemABCDBDDA {
    final ReentrantReadWriteLock a = new ReentrantReadWriteLock();
    final ReentrantReadWriteLock b = new ReentrantReadWriteLock();
    final ReentrantReadWriteLock c = new ReentrantReadWriteLock();
    final ReentrantReadWriteLock d = new ReentrantReadWriteLock();

    void ab() { a.writeLock().lock(); b.writeLock().lock(); b.writeLock().unlock(); a.writeLock().unlock(); }

    void cd() { c.writeLock().lock(); d.writeLock().lock(); d.writeLock().unlock(); c.writeLock().unlock(); }

    void bd() { b.writeLock().lock(); d.writeLock().lock(); d.writeLock().unlock(); b.writeLock().unlock(); }

    void da() { d.writeLock().lock(); a.writeLock().lock(); a.writeLock().unlock(); d.writeLock().unlock(); }
  }

  /** ABCDBCDA (wsem: write locks): LU2(A, B); LU2(C, D); LU2(B, C); LU2(D, A). FAIL. */
  static final class WsemABCDBCDA {
    final ReentrantReadWriteLock a = new ReentrantReadWriteLock();
    final ReentrantReadWriteLock b = new ReentrantReadWriteLock();
    final ReentrantReadWriteLock c = new ReentrantReadWriteLock();
    final ReentrantReadWriteLock d = new ReentrantReadWriteLock();

    void ab() { a.writeLock().lock(); b.writeLock().lock(); b.writeLock().unlock(); a.writeLock().unlock(); }

    void cd() { c.writeLock().lock(); d.writeLock().lock(); d.writeLock().unlock(); c.writeLock().unlock(); }

    void bc() { b.writeLock().lock(); c.writeLock().lock(); c.writeLock().unlock(); b.writeLock().unlock(); }

    void da() { d.writeLock().lock(); a.writeLock().lock(); a.writeLock().unlock(); d.writeLock().unlock(); }
  }

  /** ABBA (rsem: read locks, non-recursive readers (read=1): every cycle deadlocks behind a queued writer): LU2(A, B); LU2(B, A). FAIL. */
  static final class RsemABBA {
    final ReentrantReadWriteLock a = new ReentrantReadWriteLock();
    final ReentrantReadWriteLock b = new ReentrantReadWriteLock();

    void ab() { a.readLock().lock(); b.readLock().lock(); b.readLock().unlock(); a.readLock().unlock(); }

    void ba() { b.readLock().lock(); a.readLock().lock(); a.readLock().unlock(); b.readLock().unlock(); }
  }

  /** ABBCCA (rsem: read locks, non-recursive readers (read=1): every cycle deadlocks behind a queued writer): LU2(A, B); LU2(B, C); LU2(C, A). FAIL. */
  static final class RsemABBCCA {
    final ReentrantReadWriteLock a = new ReentrantReadWriteLock();
    final ReentrantReadWriteLock b = new ReentrantReadWriteLock();
    final ReentrantReadWriteLock c = new ReentrantReadWriteLock();

    void ab() { a.readLock().lock(); b.readLock().lock(); b.readLock().unlock(); a.readLock().unlock(); }

    void bc() { b.readLock().lock(); c.readLock().lock(); c.readLock().unlock(); b.readLock().unlock(); }

    void ca() { c.readLock().lock(); a.readLock().lock(); a.readLock().unlock(); c.readLock().unlock(); }
  }

  /** ABCDBDDA (rsem: read locks, non-recursive readers (read=1): every cycle deadlocks behind a queued writer): LU2(A, B); LU2(C, D); LU2(B, D); LU2(D, A). FAIL. */
  static final class RsemABCDBDDA {
    final ReentrantReadWriteLock a = new ReentrantReadWriteLock();
    final ReentrantReadWriteLock b = new ReentrantReadWriteLock();
    final ReentrantReadWriteLock c = new ReentrantReadWriteLock();
    final ReentrantReadWriteLock d = new ReentrantReadWriteLock();

    void ab() { a.readLock().lock(); b.readLock().lock(); b.readLock().unlock(); a.readLock().unlock(); }

    void cd() { c.readLock().lock(); d.readLock().lock(); d.readLock().unlock(); c.readLock().unlock(); }

    void bd() { b.readLock().lock(); d.readLock().lock(); d.readLock().unlock(); b.readLock().unlock(); }

    void da() { d.readLock().lock(); a.readLock().lock(); a.readLock().unlock(); d.readLock().unlock(); }
  }

  /** ABCDBCDA (rsem: read locks, non-recursive readers (read=1): every cycle deadlocks behind a queued writer): LU2(A, B); LU2(C, D); LU2(B, C); LU2(D, A). FAIL. */
  static final class RsemABCDBCDA {
    final ReentrantReadWriteLock a = new ReentrantReadWriteLock();
    final ReentrantReadWriteLock b = new ReentrantReadWriteLock();
    final ReentrantReadWriteLock c = new ReentrantReadWriteLock();
    final ReentrantReadWriteLock d = new ReentrantReadWriteLock();

    void ab() { a.readLock().lock(); b.readLock().lock(); b.readLock().unlock(); a.readLock().unlock(); }

    void cd() { c.readLock().lock(); d.readLock().lock(); d.readLock().unlock(); c.readLock().unlock(); }

    void bc() { b.readLock().lock(); c.readLock().lock(); c.readLock().unlock(); b.readLock().unlock(); }

    void da() { d.readLock().lock(); a.readLock().lock(); a.readLock().unlock(); d.readLock().unlock(); }
  }

  /** "mixed read-lock/lock-write ABBA": RSL(X) ML(Y); ML(Y) WSL(X). FAIL (X -SN-> Y -EN-> X). */
  static final class MixedReadLockLockWrite {
    final ReentrantReadWriteLock x = new ReentrantReadWriteLock();
    final ReentrantLock y = new ReentrantLock();

    void xy() { x.readLock().lock(); y.lock(); y.unlock(); x.readLock().unlock(); }

    void yx() { y.lock(); x.writeLock().lock(); x.writeLock().unlock(); y.unlock(); }
  }

  /** "mixed read-lock/lock-read ABBA": RSL(X) ML(Y); ML(Y) RSL(X). rsem FAIL (Y -EN-> X -SN-> Y is strong). */
  static final class MixedReadLockLockRead {
    final ReentrantReadWriteLock x = new ReentrantReadWriteLock();
    final ReentrantLock y = new ReentrantLock();

    void xy() { x.readLock().lock(); y.lock(); y.unlock(); x.readLock().unlock(); }

    void yx() { y.lock(); x.readLock().lock(); x.readLock().unlock(); y.unlock(); }
  }

  /** "W1R2/W2R3/W3R1": WL X, RL Y; WL Y, RL Z; WL Z, RL X. FAIL. */
  static final class W1R2W2R3W3R1 {
    final ReentrantReadWriteLock x = new ReentrantReadWriteLock();
    final ReentrantReadWriteLock y = new ReentrantReadWriteLock();
    final ReentrantReadWriteLock z = new ReentrantReadWriteLock();

    void e1() { x.writeLock().lock(); y.readLock().lock(); y.readLock().unlock(); x.writeLock().unlock(); }

    void e2() { y.writeLock().lock(); z.readLock().lock(); z.readLock().unlock(); y.writeLock().unlock(); }

    void e3() { z.writeLock().lock(); x.readLock().lock(); x.readLock().unlock(); z.writeLock().unlock(); }
  }

  /**
   * "W1W2/R2R3/R3W1": WL X, WL Y; RL Y, RL Z; RL Z, WL X. With recursive readers (rlock) lockdep
   * says SUCCESS (an SR edge followed by SN); Java's readers are non-recursive (rsem), every edge
   * ends in N, and the cycle is strong: FAIL.
   */
  static final class W1W2R2R3R3W1 {
    final ReentrantReadWriteLock x = new ReentrantReadWriteLock();
    final ReentrantReadWriteLock y = new ReentrantReadWriteLock();
    final ReentrantReadWriteLock z = new ReentrantReadWriteLock();

    void e1() { x.writeLock().lock(); y.writeLock().lock(); y.writeLock().unlock(); x.writeLock().unlock(); }

    void e2() { y.readLock().lock(); z.readLock().lock(); z.readLock().unlock(); y.readLock().unlock(); }

    void e3() { z.readLock().lock(); x.writeLock().lock(); x.writeLock().unlock(); z.readLock().unlock(); }
  }

  /** ABBA where one side only tries: the trylock cannot wait and adds no dependency. SUCCESS. */
  static final class TrylockABBA {
    final ReentrantLock a = new ReentrantLock();
    final ReentrantLock b = new ReentrantLock();

    void ab() { a.lock(); if (b.tryLock()) { b.unlock(); } a.unlock(); }

    void ba() { b.lock(); a.lock(); a.unlock(); b.unlock(); }
  }

  /** Double unlock: LOCK(A); UNLOCK(A); UNLOCK(A). FAIL (bad unlock balance). */
  static final class DoubleUnlock {
    final ReentrantLock a = new ReentrantLock();

    void du() { a.lock(); a.unlock(); a.unlock(); }
  }
}
