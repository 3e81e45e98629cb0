package dev.lockdep.lockgraph;

/**
 * The four dependency types of lockdep's recursive-read theory. The ordinal is lockdep's bit
 * number {@code (prev.read == 0) + 2 * (next.read != 2)}: what the holder blocks (Exclusive or
 * Shared) and what blocks the acquirer (Recursive reader or Non-recursive).
 */
public enum EdgeType {
  SR,
  ER,
  SN,
  EN;

  private static final EdgeType[] VALUES = values();

  public static EdgeType of(ReadMode prev, ReadMode next) {
    return VALUES[(prev == ReadMode.EXCLUSIVE ? 1 : 0) + (next != ReadMode.SHARED_RECURSIVE ? 2 : 0)];
  }

  static EdgeType ofBit(int bit) {
    return VALUES[bit];
  }

  /** The bit of this type in a {@code dep} mask. */
  public int mask() {
    return 1 << ordinal();
  }

  /** The holder blocks every acquirer: an E* edge. */
  public boolean startsExclusive() {
    return (ordinal() & 1) != 0;
  }

  /** The acquirer is a recursive reader: an *R edge. */
  public boolean endsRecursive() {
    return (ordinal() & 2) == 0;
  }

  /** Masks of a dep byte. */
  static final int MASK_XR = (1 << SR.ordinal()) | (1 << ER.ordinal());

  static final int MASK_XN = (1 << SN.ordinal()) | (1 << EN.ordinal());
  static final int MASK_EX = (1 << ER.ordinal()) | (1 << EN.ordinal());
}
