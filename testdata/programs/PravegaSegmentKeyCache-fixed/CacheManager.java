package io.pravega.segmentstore.server;

import java.util.Iterator;

/** The cache manager's view of one client's cache: the oldest and newest generation it holds. */
public final class CacheManager {
  private CacheManager() {}

  public static final class CacheStatus {
    static final int EMPTY_VALUE = Integer.MAX_VALUE;
    private final int oldestGeneration;
    private final int newestGeneration;

    CacheStatus(int oldestGeneration, int newestGeneration) {
      this.oldestGeneration = oldestGeneration;
      this.newestGeneration = newestGeneration;
    }

    /** Reads the generations from the iterator, which runs the caller's stream here. */
    public static CacheStatus fromGenerations(Iterator<Integer> generations) {
      int minGen = EMPTY_VALUE;
      int maxGen = 0;
      while (generations.hasNext()) {
        int g = generations.next();
        minGen = Math.min(minGen, g);
        maxGen = Math.max(maxGen, g);
      }
      return new CacheStatus(minGen, maxGen);
    }

    public static CacheStatus combine(Iterator<CacheStatus> cacheStates) {
      int minGen = EMPTY_VALUE;
      int maxGen = 0;
      while (cacheStates.hasNext()) {
        CacheStatus s = cacheStates.next();
        minGen = Math.min(minGen, s.oldestGeneration);
        maxGen = Math.max(maxGen, s.newestGeneration);
      }
      return new CacheStatus(minGen, maxGen);
    }
  }
}
