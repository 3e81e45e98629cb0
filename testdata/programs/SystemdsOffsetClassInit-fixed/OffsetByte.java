package sysds.offset;

/** Offsets stored as byte deltas from the first. */
public class OffsetByte extends AOffset {
  private final byte[] offsets;
  private final int offsetToFirst;
  private final int offsetToLast;

  public OffsetByte(int[] indexes) {
    offsetToFirst = indexes[0];
    offsetToLast = indexes[indexes.length - 1];
    offsets = new byte[indexes.length - 1];
    for (int i = 1; i < indexes.length; i++) {
      offsets[i - 1] = (byte) (indexes[i] - indexes[i - 1]);
    }
  }

  @Override
  public int getOffsetToFirst() {
    return offsetToFirst;
  }

  @Override
  public int getOffsetToLast() {
    return offsetToLast;
  }
}
