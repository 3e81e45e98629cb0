package sysds.offset;

/**
 * Offset list encoder: the sorted row indexes of the non-default values of a column group. A
 * slice of an offset list that holds no index is answered with one cached empty slice.
 */
public abstract class AOffset {
  /**
   * Holds the cached empty slice: initialized on its first use, when {@code AOffset} is initialized
   * already, so no class's initialization waits for another's.
   */
  private static final class EmptySliceHolder {
    static final OffsetSliceInfo EMPTY_SLICE = new OffsetSliceInfo(-1, -1, new OffsetEmpty());
  }

  /** The cached empty slice, returned for every empty slice to avoid allocating one. */
  protected static OffsetSliceInfo emptySlice() {
    return EmptySliceHolder.EMPTY_SLICE;
  }

  public abstract int getOffsetToFirst();

  public abstract int getOffsetToLast();

  /** The offsets in rows {@code [l, u)}, rebased on {@code l}. */
  public OffsetSliceInfo slice(int l, int u) {
    if (u <= getOffsetToFirst() || l > getOffsetToLast()) {
      return emptySlice();
    }
    return new OffsetSliceInfo(0, 1, this);
  }
}
