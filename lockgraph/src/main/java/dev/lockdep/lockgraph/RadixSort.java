package dev.lockdep.lockgraph;

import java.util.Arrays;

/** A stable LSD radix sort of non-negative long keys carrying an int payload. */
final class RadixSort {
  private static final int DIGIT_BITS = 11;
  private static final int BUCKETS = 1 << DIGIT_BITS;

  private RadixSort() {}

  /** Sorts {@code keys} ascending, permuting {@code payload} alike; every key is below bound. */
  static void sort(long[] keys, int[] payload, long bound) {
    int n = keys.length;
    int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, bound - 1));
    long[] keyBuffer = new long[n];
    int[] payloadBuffer = new int[n];
    long[] srcKeys = keys;
    int[] srcPayload = payload;
    long[] dstKeys = keyBuffer;
    int[] dstPayload = payloadBuffer;
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
        int d = (int) (srcKeys[i] >>> shift) & (BUCKETS - 1);
        int at = count[d]++;
        dstKeys[at] = srcKeys[i];
        dstPayload[at] = srcPayload[i];
      }
      long[] k = srcKeys;
      srcKeys = dstKeys;
      dstKeys = k;
      int[] p = srcPayload;
      srcPayload = dstPayload;
      dstPayload = p;
    }
    if (srcKeys != keys) {
      System.arraycopy(srcKeys, 0, keys, 0, n);
      System.arraycopy(srcPayload, 0, payload, 0, n);
    }
  }
}
