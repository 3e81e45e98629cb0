package com.example.device;

import dev.lockdep.annotations.Irq;
import dev.lockdep.annotations.IrqContext;
import dev.lockdep.annotations.IrqsDisabled;
import java.util.ArrayDeque;
import java.util.Deque;

/** An emulated network card: frames arrive in an interrupt handler and are drained by a worker. */
public final class NetworkDevice {
  private final Object rxLock = new Object();
  private final Object statsLock = new Object();
  private final Deque<byte[]> rx = new ArrayDeque<>();
  private long dropped;

  @IrqContext(Irq.HARDIRQ)
  public void onInterrupt(byte[] frame) {
    synchronized (rxLock) {
      rx.add(frame);
    }
  }

  /** Drains received frames with interrupts off, and updates statistics under the rx lock. */
  @IrqsDisabled
  public void drain() {
    synchronized (rxLock) {
      rx.clear();
      synchronized (statsLock) {
        dropped = 0;
      }
    }
  }

  /** Statistics are read with interrupts on. */
  public long dropped() {
    synchronized (statsLock) {
      return dropped;
    }
  }
}
