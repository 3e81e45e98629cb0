package dev.lockdep.lockgraph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A lockdep runtime in miniature for tests: one task with a held-lock stack, irq and softirq
 * enter/exit, irq and bh disable/enable, lock/unlock/trylock with a read mode, and the
 * fs_reclaim/GFP helpers. It reports each operation to a {@link UnitFacts.Builder} exactly as the
 * kernel's hooks call lockdep, so a selftest case reads like its C source.
 */
final class Task {
  /** A lock operand: its class, its instance and the mode LOCK() takes it in. */
  record Lock(LockClass lockClass, String instance, ReadMode mode) {
    Lock withMode(ReadMode m) {
      return new Lock(lockClass, instance, m);
    }
  }

  /** GFP masks as far as fs_reclaim cares: may it block on reclaim that enters the fs? */
  enum Gfp {
    KERNEL(true, true),
    NOFS(true, false),
    NOIO(true, false),
    ATOMIC(false, false),
    NOWAIT(false, false);

    final boolean directReclaim;
    final boolean fs;

    Gfp(boolean directReclaim, boolean fs) {
      this.directReclaim = directReclaim;
      this.fs = fs;
    }
  }

  private record Held(HeldLock lock, IrqState.Context context) {}

  private final UnitFacts.Builder facts;
  private final String method;
  private final List<Held> held = new ArrayList<>();
  private final Deque<IrqState.Context> contexts = new ArrayDeque<>();
  private boolean hardirqsEnabled = true;
  private int bhDisabled;
  private boolean nofs;
  private int step;

  Task(String unit, String method) {
    this.facts = UnitFacts.builder(unit);
    this.method = method;
  }

  Task(String name) {
    this(name, name + "()");
  }

  UnitFacts facts() {
    return facts.build();
  }

  private Provenance here() {
    return new Provenance("locking-selftest.c", ++step, 0, method, List.of());
  }

  private IrqState.Context context() {
    return contexts.isEmpty() ? IrqState.Context.TASK : contexts.peek();
  }

  private IrqState state() {
    return new IrqState(context(), hardirqsEnabled, bhDisabled == 0);
  }

  /** The locks of the current irq context: lockdep never links across contexts. */
  private List<HeldLock> contextStack() {
    List<HeldLock> out = new ArrayList<>();
    for (Held h : held) {
      if (h.context() == context()) {
        out.add(h.lock());
      }
    }
    return out;
  }

  private List<HeldLock> allHeld() {
    List<HeldLock> out = new ArrayList<>();
    for (Held h : held) {
      out.add(h.lock());
    }
    return out;
  }

  void lock(Lock l) {
    acquire(l, l.mode(), false);
  }

  /** {@code read_lock} under CONFIG_QUEUED_RWLOCKS: recursive only in interrupt context. */
  void queuedReadLock(Lock l) {
    acquire(l, context() == IrqState.Context.TASK ? ReadMode.SHARED : ReadMode.SHARED_RECURSIVE,
        false);
  }

  void trylock(Lock l) {
    acquire(l, l.mode(), true);
  }

  private void acquire(Lock l, ReadMode mode, boolean trylock) {
    HeldLock h = new HeldLock(l.lockClass(), mode, trylock, l.instance(), here());
    facts.acquire(contextStack(), h, state());
    held.add(new Held(h, context()));
  }

  void unlock(Lock l) {
    for (int i = held.size() - 1; i >= 0; i--) {
      HeldLock h = held.get(i).lock();
      if (h.lockClass().equals(l.lockClass()) && h.instance().equals(l.instance())) {
        held.remove(i);
        return;
      }
    }
    throw new IllegalStateException("bad unlock balance: " + l.instance() + " is not held");
  }

  void irqDisable() {
    hardirqsEnabled = false;
  }

  void irqEnable() {
    hardirqsEnabled = true;
    facts.irqsEnabled(allHeld(), state(), here());
  }

  void bhDisable() {
    bhDisabled++;
  }

  void bhEnable() {
    bhDisabled--;
    if (bhDisabled == 0) {
      facts.irqsEnabled(allHeld(), state(), here());
    }
  }

  /** HARDIRQ_ENTER: irqs off, then hardirq context. */
  void hardirqEnter() {
    irqDisable();
    contexts.push(IrqState.Context.HARDIRQ);
  }

  /** HARDIRQ_EXIT: leave the context, irqs back on. */
  void hardirqExit() {
    contexts.pop();
    irqEnable();
  }

  /** SOFTIRQ_ENTER: bh off, irqs off, softirq context. */
  void softirqEnter() {
    bhDisable();
    irqDisable();
    contexts.push(IrqState.Context.SOFTIRQ);
  }

  /** SOFTIRQ_EXIT: leave the context, irqs on, bh on. */
  void softirqExit() {
    contexts.pop();
    irqEnable();
    bhEnable();
  }

  private boolean reclaims(Gfp gfp) {
    return gfp.directReclaim && gfp.fs && !nofs;
  }

  void fsReclaimAcquire(Gfp gfp) {
    if (reclaims(gfp)) {
      lock(new Lock(LockClass.FS_RECLAIM, "fs_reclaim", ReadMode.EXCLUSIVE));
    }
  }

  void fsReclaimRelease(Gfp gfp) {
    if (reclaims(gfp)) {
      unlock(new Lock(LockClass.FS_RECLAIM, "fs_reclaim", ReadMode.EXCLUSIVE));
    }
  }

  /** might_alloc: acquire and release fs_reclaim when the allocation may reclaim. */
  void mightAlloc(Gfp gfp) {
    fsReclaimAcquire(gfp);
    fsReclaimRelease(gfp);
  }

  /** memalloc_nofs_save; returns the old flag for {@link #memallocNofsRestore}. */
  boolean memallocNofsSave() {
    boolean old = nofs;
    nofs = true;
    return old;
  }

  void memallocNofsRestore(boolean old) {
    nofs = old;
  }

  /** dma_fence_begin_signalling: a non-recursive read of dma_fence_map. */
  void fenceBeginSignalling() {
    lock(new Lock(LockClass.DMA_FENCE_MAP, "dma_fence_map", ReadMode.SHARED));
  }

  void fenceEndSignalling() {
    unlock(new Lock(LockClass.DMA_FENCE_MAP, "dma_fence_map", ReadMode.SHARED));
  }

  /** __dma_fence_might_wait: drop a held read, write-acquire and release, retake the read. */
  void fenceMightWait() {
    Lock reader = new Lock(LockClass.DMA_FENCE_MAP, "dma_fence_map", ReadMode.SHARED);
    boolean wasSignalling =
        held.stream().anyMatch(h -> h.lock().lockClass().equals(LockClass.DMA_FENCE_MAP));
    if (wasSignalling) {
      unlock(reader);
    }
    Lock writer = reader.withMode(ReadMode.EXCLUSIVE);
    lock(writer);
    unlock(writer);
    if (wasSignalling) {
      lock(reader);
    }
  }
}
