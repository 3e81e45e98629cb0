package sysds.offset;

/**
 * Two threads touching the offset classes first, at once, as parallel tests do: one slices an
 * offset list (which initializes {@code AOffset}, whose static initializer makes an empty offset),
 * the other makes an empty offset (which initializes {@code OffsetEmpty}, then its superclass).
 */
public final class OffsetInitRace {
  public static void main(String[] args) throws InterruptedException {
    Thread slicing = new Thread(() -> OffsetFactory.createOffset(new int[] {1, 2, 3}).slice(5, 6), "slicing");
    Thread empty = new Thread(() -> new OffsetEmpty().getOffsetToLast(), "empty");
    slicing.start();
    empty.start();
    slicing.join();
    empty.join();
  }
}
