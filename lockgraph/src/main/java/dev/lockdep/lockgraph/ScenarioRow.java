package dev.lockdep.lockgraph;

import java.util.Objects;

/**
 * One row of lockdep's "Possible unsafe locking scenario" table, in Java terms: lockdep's
 * {@code lock(L);} is {@code acquire L;} (a {@code synchronized} block or method, a
 * {@code lock()}), {@code rlock(L);} is {@code acquire L for reading;}, its pseudo-locks are the
 * allocation, wait or signalling section they stand for, and {@code local_irq_disable()} and
 * {@code <Interrupt>} name the annotations that model them. The rows and their order are
 * lockdep's.
 *
 * @param column which thread performs it
 * @param text the operation, e.g. {@code acquire Pool.lock;}
 */
public record ScenarioRow(Column column, String text) {

  /**
   * The table's columns, lockdep's CPUs: printed as Thread 1 and Thread 2. An interrupt runs on
   * the thread it interrupts.
   */
  public enum Column {
    CPU0,
    CPU1
  }

  /** lockdep's {@code local_irq_disable();}. */
  static final String IRQS_OFF = "disable interrupts (@IrqsDisabled);";

  /** lockdep's {@code <Interrupt>}: the handler then runs on the interrupted thread. */
  static final String INTERRUPT = "<Interrupt: an @IrqContext handler runs>";

  public ScenarioRow {
    Objects.requireNonNull(column);
    Objects.requireNonNull(text);
  }

  static ScenarioRow cpu0(String text) {
    return new ScenarioRow(Column.CPU0, text);
  }

  static ScenarioRow cpu1(String text) {
    return new ScenarioRow(Column.CPU1, text);
  }

  /** lockdep's {@code lock(c);} or {@code rlock(c);} as Java code does it. */
  static String acquire(ReadMode mode, LockClass c) {
    String name = c.displayName();
    return switch (c.pseudo()) {
      case FS_RECLAIM -> "allocate, which may enter reclaim (" + name + ");";
      case DMA_FENCE_MAP ->
          mode.isReader()
              ? "run code that completes a future or fence (" + name + ");"
              : "wait for a future or fence (" + name + ");";
      case NONE -> "acquire " + name + (mode.isReader() ? " for reading;" : ";");
    };
  }

  /** {@link #acquire} of an exclusive acquisition. */
  static String acquire(LockClass c) {
    return acquire(ReadMode.EXCLUSIVE, c);
  }
}
