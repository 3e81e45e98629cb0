package dev.lockdep.lockgraph;

/**
 * lockdep's {@code enum lock_usage_bit}; the ordinal is {@code state * 4 + dir * 2 + read} with
 * STATE HARDIRQ=0, SOFTIRQ=1, then USED and USED_READ.
 */
public enum UsageBit {
  USED_IN_HARDIRQ("IN-HARDIRQ-W"),
  USED_IN_HARDIRQ_READ("IN-HARDIRQ-R"),
  ENABLED_HARDIRQ("HARDIRQ-ON-W"),
  ENABLED_HARDIRQ_READ("HARDIRQ-ON-R"),
  USED_IN_SOFTIRQ("IN-SOFTIRQ-W"),
  USED_IN_SOFTIRQ_READ("IN-SOFTIRQ-R"),
  ENABLED_SOFTIRQ("SOFTIRQ-ON-W"),
  ENABLED_SOFTIRQ_READ("SOFTIRQ-ON-R"),
  USED("INITIAL USE"),
  USED_READ("INITIAL READ USE");

  static final int READ_MASK = 1;
  static final int DIR_MASK = 2;
  private static final UsageBit[] VALUES = values();

  private final String label;

  UsageBit(String label) {
    this.label = label;
  }

  /** lockdep's {@code usage_str}, e.g. {@code IN-HARDIRQ-W}. */
  public String label() {
    return label;
  }

  public int mask() {
    return 1 << ordinal();
  }

  /** A USED_IN or ENABLED bit of an irq state (not USED/USED_READ). */
  public boolean isIrqBit() {
    return ordinal() < USED.ordinal();
  }

  public boolean isRead() {
    return (ordinal() & READ_MASK) != 0;
  }

  /** ENABLED_* ("irq-unsafe") rather than USED_IN_* ("irq-safe"). */
  public boolean isEnabled() {
    return isIrqBit() && (ordinal() & DIR_MASK) != 0;
  }

  /** The irq state of an irq bit. */
  public IrqKind state() {
    if (!isIrqBit()) {
      throw new IllegalStateException(this + " has no irq state");
    }
    return IrqKind.values()[ordinal() >> 2];
  }

  /** The bit for {@code state}, direction and read-ness. */
  static UsageBit of(IrqKind state, boolean enabled, boolean read) {
    return VALUES[state.ordinal() * 4 + (enabled ? DIR_MASK : 0) + (read ? READ_MASK : 0)];
  }
}
