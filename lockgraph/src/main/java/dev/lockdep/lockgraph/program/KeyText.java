package dev.lockdep.lockgraph.program;

import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.ReadMode;

/** Key texts are held as the parts they join: their order and hash, without joining them. */
final class KeyText {
  /** Per subclass, read mode and trylock, what a held lock's key has between class and instance. */
  static final String[][][] LOCK_MODES = new String[LockClass.MAX_SUBCLASSES][ReadMode.values().length][2];
  /** Per subclass, what a bound lock class's key has after the class key. */
  static final String[] SUBCLASSES = new String[LockClass.MAX_SUBCLASSES];
  /** 31 to the power of each length below its size. */
  private static final int[] POWERS_OF_31 = new int[256];

  static {
    POWERS_OF_31[0] = 1;
    for (int i = 1; i < POWERS_OF_31.length; i++) {
      POWERS_OF_31[i] = 31 * POWERS_OF_31[i - 1];
    }
    for (int subclass = 0; subclass < LockClass.MAX_SUBCLASSES; subclass++) {
      SUBCLASSES[subclass] = "/".concat(String.valueOf(subclass));
      for (ReadMode read : ReadMode.values()) {
        String mode = SUBCLASSES[subclass].concat(":").concat(read.toString());
        LOCK_MODES[subclass][read.ordinal()][0] = mode.concat("@");
        LOCK_MODES[subclass][read.ordinal()][1] = mode.concat("t@");
      }
    }
  }

  /** 31 to the power of {@code exponent}, as {@link String#hashCode} of a longer text multiplies it. */
  static int powerOf31(int exponent) {
    if (exponent < POWERS_OF_31.length) {
      return POWERS_OF_31[exponent];
    }
    int power = 1;
    for (int base = 31, e = exponent; e != 0; e >>= 1, base *= base) {
      if ((e & 1) != 0) {
        power *= base;
      }
    }
    return power;
  }

  /**
   * Compares two different parts of keys, each followed by a line break and more: as {@link
   * String#compareTo} unless one starts the other, where the line break decides; 0 when the
   * longer has a line break there too, and what follows decides.
   */
  static int compareParts(String x, String y) {
    int c = x.compareTo(y);
    if (c == 0 || decides(x, y, c)) {
      return c;
    }
    return x.length() < y.length() ? '\n' - y.charAt(x.length()) : x.charAt(y.length()) - '\n';
  }

  /** Compares the texts {@code a} and {@code b} join to as {@link String#compareTo} would. */
  static int compare(String[] a, String[] b) {
    int i = 0;
    int j = 0;
    int p = 0;
    int q = 0;
    while (true) {
      if (i < a.length && p == a[i].length()) {
        i++;
        p = 0;
      } else if (j < b.length && q == b[j].length()) {
        j++;
        q = 0;
      } else if (i == a.length || j == b.length) {
        return Boolean.compare(i < a.length, j < b.length);
      } else {
        String x = a[i];
        String y = b[j];
        if (p == 0 && q == 0) {
          if (x == y) {
            i++;
            j++;
            continue;
          }
          int c = x.compareTo(y);
          if (decides(x, y, c)) {
            return c;
          }
          p = Math.min(x.length(), y.length());
          q = p;
          continue;
        }
        int n = Math.min(x.length() - p, y.length() - q);
        for (int k = 0; k < n; k++) {
          char c = x.charAt(p + k);
          char d = y.charAt(q + k);
          if (c != d) {
            return c - d;
          }
        }
        p += n;
        q += n;
      }
    }
  }

  /**
   * Whether {@code c}, {@code x.compareTo(y)}, orders every pair of texts that begin with
   * {@code x} and {@code y}: it does unless one of them is a prefix of the other.
   */
  static boolean decides(String x, String y, int c) {
    return c != x.length() - y.length() || (c != 0 && !x.regionMatches(0, y, 0, Math.min(x.length(), y.length())));
  }
}
