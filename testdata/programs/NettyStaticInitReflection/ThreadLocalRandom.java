package netty.internal;

import java.util.Random;

/** A random number generator per thread, seeded once for the process. */
public final class ThreadLocalRandom extends Random {
  private static volatile long initialSeedUniquifier = SystemPropertyUtil.getLong("io.netty.initialSeedUniquifier", 0);

  public static long initialSeed() {
    return initialSeedUniquifier;
  }

  private ThreadLocalRandom() {}
}
