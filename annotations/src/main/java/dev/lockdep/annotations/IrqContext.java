package dev.lockdep.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An interrupt handler: the method, and everything it calls, runs in that interrupt context
 * (lockdep's {@code hardirq_enter} / {@code softirq_enter}).
 *
 * <p>Locks taken there become {@code USED_IN_HARDIRQ} or {@code USED_IN_SOFTIRQ} (irq-safe); a
 * lock that is irq-safe must never be taken with that interrupt enabled, and must never wait for an
 * irq-unsafe lock. In Java this models a callback that preempts the code it interrupts: a signal
 * handler, an event-loop callback that runs on the thread it interrupts, an emulated device
 * interrupt. A hard interrupt runs with interrupts disabled.
 *
 * <pre>{@code
 * @IrqContext(Irq.HARDIRQ)
 * void onInterrupt() { synchronized (rxQueue) { rxQueue.add(readFrame()); } }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface IrqContext {
  /** The interrupt level the handler runs at. */
  Irq value() default Irq.HARDIRQ;
}
