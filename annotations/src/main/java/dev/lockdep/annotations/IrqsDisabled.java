package dev.lockdep.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The body runs with that interrupt level disabled: lockdep's {@code spin_lock_irqsave} /
 * {@code local_irq_disable} region ({@code HARDIRQ}) or {@code local_bh_disable} region
 * ({@code SOFTIRQ}).
 *
 * <p>Locks taken with an interrupt level disabled do not become unsafe for it, which is how an
 * irq-safe lock is taken safely from process context. {@code HARDIRQ} disables both levels.
 *
 * <pre>{@code
 * @IrqsDisabled
 * void drain() { synchronized (rxQueue) { rxQueue.clear(); } }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface IrqsDisabled {
  /** The interrupt level disabled while the body runs. */
  Irq value() default Irq.HARDIRQ;
}
