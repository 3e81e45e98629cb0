package netty.internal;

import java.util.Random;

/** A random number generator per thread, seeded once for the process. */
public final class ThreadLocalRandom extends Random {
  private static volatile long initialSeedUniquifier;

  static {
    // Not through SystemPropertyUtil, whose initialization needs the logger factory's.
    initialSeedUniquifier = Long.getLong("io.netty.initialSeedUniquifier", 0);
  }

  public static long initialSeed() {
    return initialSeedUniquifier;
  }

  private ThreadLocalRandom() {}
}
