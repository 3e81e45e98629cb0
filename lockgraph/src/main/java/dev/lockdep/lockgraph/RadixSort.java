package dev.lockdep.lockgraph;

import java.util.Arrays;

/** A stable LSD radix sort of non-negative long keys carrying two int payloads. */
final class RadixSort {
  private static final int DIGIT_BITS = 11;
  private static final int BUCKETS = 1 << DIGIT_BITS;

  private RadixSort() {}

  /**
   * Sorts {@code keys} ascending, permuting {@code first} and {@code second} alike, keeping equal
   * keys in their order; every key is below {@code bound}. Payloads travel with their keys so
   * that reading the result needs no random access.
   */
  static void sort(long[] keys, int[] first, int[] second, long bound) {
    int n = keys.length;
    int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, bound - 1));
    long[] srcKeys = keys;
    int[] srcFirst = first;
    int[] srcSecond = second;
    long[] dstKeys = new long[n];
    int[] dstFirst = new int[n];
    int[] dstSecond = new int[n];
    int[] count = new int[BUCKETS];
    for (int shift = 0; shift < bits; shift += DIGIT_BITS) {
      Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[(int) (srcKeys[i] >>> shift) & (BUCKETS - 1)]++;
      }
      int sum = 0;
      for (int b = 0; b < BUCKETS; b++) {
        int c = count[b];
        count[b] = sum;
        sum += c;
      }
      for (int i = 0; i < n; i++) {
        int at = count[(int) (srcKeys[i] >>> shift) & (BUCKETS - 1)]++;
        dstKeys[at] = srcKeys[i];
        dstFirst[at] = srcFirst[i];
        dstSecond[at] = srcSecond[i];
      }
      long[] k = srcKeys;
      srcKeys = dstKeys;
      dstKeys = k;
      int[] f = srcFirst;
      srcFirst = dstFirst;
      dstFirst = f;
      int[] s = srcSecond;
      srcSecond = dstSecond;
      dstSecond = s;
    }
    if (srcKeys != keys) {
      System.arraycopy(srcKeys, 0, keys, 0, n);
      System.arraycopy(srcFirst, 0, first, 0, n);
      System.arraycopy(srcSecond, 0, second, 0, n);
    }
  }
}
