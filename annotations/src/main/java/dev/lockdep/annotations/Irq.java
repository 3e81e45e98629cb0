package dev.lockdep.annotations;

/**
 * An interrupt level, lockdep's {@code HARDIRQ} and {@code SOFTIRQ} usage states.
 *
 * <p>A hard interrupt preempts everything, including soft interrupts; disabling hard interrupts
 * therefore also keeps soft interrupts out.
 *
 * <pre>{@code
 * @IrqContext(Irq.SOFTIRQ)
 * void onTimer() { synchronized (queue) { queue.poll(); } }
 * }</pre>
 */
public enum Irq {
  /** Hard interrupt context: {@code in_irq()}; locks taken here become {@code IN-HARDIRQ}. */
  HARDIRQ,
  /** Soft interrupt (bottom half) context: locks taken here become {@code IN-SOFTIRQ}. */
  SOFTIRQ
}
