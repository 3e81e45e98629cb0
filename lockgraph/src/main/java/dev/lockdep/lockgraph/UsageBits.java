package dev.lockdep.lockgraph;

/** Operations on a class's usage mask (bit i = {@link UsageBit} ordinal i). */
final class UsageBits {
  private UsageBits() {}

  static boolean has(int usage, UsageBit bit) {
    return (usage & bit.mask()) != 0;
  }

  /**
   * lockdep's {@code {....}} usage string: for each state the write then the read character,
   * {@code .} neither, {@code -} USED_IN only, {@code +} ENABLED only, {@code ?} both.
   */
  static String usageString(int usage) {
    StringBuilder sb = new StringBuilder("{");
    for (IrqKind state : IrqKind.values()) {
      for (boolean read : new boolean[] {false, true}) {
        boolean in = has(usage, UsageBit.of(state, false, read));
        boolean on = has(usage, UsageBit.of(state, true, read));
        sb.append(in && on ? '?' : in ? '-' : on ? '+' : '.');
      }
    }
    return sb.append('}').toString();
  }
}
