package sysds.offset;

/** The offset list of no index. */
public class OffsetEmpty extends AOffset {
  @Override
  public int getOffsetToFirst() {
    return Integer.MAX_VALUE;
  }

  @Override
  public int getOffsetToLast() {
    return Integer.MAX_VALUE;
  }
}
