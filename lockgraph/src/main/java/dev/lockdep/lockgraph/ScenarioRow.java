package dev.lockdep.lockgraph;

import java.util.Objects;

/**
 * One row of lockdep's "Possible unsafe locking scenario" table.
 *
 * @param column which CPU performs it
 * @param text the operation as lockdep prints it, e.g. {@code lock(Pool.lock);}, {@code
 *     <Interrupt>}
 */
public record ScenarioRow(Column column, String text) {

  /** The table's columns; an interrupt runs on the CPU it interrupts. */
  public enum Column {
    CPU0,
    CPU1
  }

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
}
