package sysds.offset;

/**
 * Offset list encoder: the sorted row indexes of the non-default values of a column group. A
 * slice of an offset list that holds no index is answered with one cached empty slice.
 */
public abstract class AOffset {
  /** Cached empty slice, returned for every empty slice to avoid allocating one. */
  protected static final OffsetSliceInfo EMPTY_SLICE = new OffsetSliceInfo(-1, -1, new OffsetEmpty());

  public abstract int getOffsetToFirst();

  public abstract int getOffsetToLast();

  /** The offsets in rows {@code [l, u)}, rebased on {@code l}. */
  public OffsetSliceInfo slice(int l, int u) {
    if (u <= getOffsetToFirst() || l > getOffsetToLast()) {
      return EMPTY_SLICE;
    }
    return new OffsetSliceInfo(0, 1, this);
  }
}
