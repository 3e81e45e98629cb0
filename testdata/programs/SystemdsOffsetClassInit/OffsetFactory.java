package sysds.offset;

/** Makes the offset list that encodes a sorted index list. */
public interface OffsetFactory {
  static AOffset createOffset(int[] indexes) {
    return new OffsetByte(indexes);
  }
}
