package sysds.offset;

/** A slice of an offset list: where it starts and ends in the data, and its offsets. */
public final class OffsetSliceInfo {
  public final int lIndex;
  public final int uIndex;
  public final AOffset offsetSlice;

  public OffsetSliceInfo(int lIndex, int uIndex, AOffset offsetSlice) {
    this.lIndex = lIndex;
    this.uIndex = uIndex;
    this.offsetSlice = offsetSlice;
  }
}
