package io.pravega.segmentstore.server.tables;

import io.pravega.segmentstore.server.CacheManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The key caches of a segment container: the client the cache manager polls and trims. */
class ContainerKeyCache {
  private final CacheStorage cacheStorage;
  private final Map<Long, SegmentKeyCache> segmentCaches;
  private int currentCacheGeneration;

  ContainerKeyCache(CacheStorage cacheStorage) {
    this.cacheStorage = cacheStorage;
    this.segmentCaches = new HashMap<>();
  }

  /** Called by the cache manager's thread. */
  public CacheManager.CacheStatus getCacheStatus() {
    synchronized (this.segmentCaches) {
      return CacheManager.CacheStatus.combine(
          this.segmentCaches.values().stream()
              .filter(Objects::nonNull)
              .map(SegmentKeyCache::getCacheStatus)
              .iterator());
    }
  }

  /** Called by the cache manager's thread. */
  public boolean updateGenerations(int currentGeneration, int oldestGeneration, boolean essentialOnly) {
    // Instruct each Segment Cache to perform its own cache management, collect eviction candidates,
    // and remove them from the cache.
    ArrayList<SegmentKeyCache.CacheEntry> evictions = new ArrayList<>();
    synchronized (this.segmentCaches) {
      this.currentCacheGeneration = currentGeneration;
      for (SegmentKeyCache segmentCache : this.segmentCaches.values()) {
        segmentCache.setEssentialCacheOnly(essentialOnly);
        evictions.addAll(segmentCache.evictBefore(oldestGeneration));
      }
    }

    boolean anyEvicted = false;
    for (SegmentKeyCache.CacheEntry e : evictions) {
      anyEvicted = e.evict() | anyEvicted;
    }
    return anyEvicted;
  }

  /** Called by the table segment's indexer. */
  long includeExistingKey(long segmentId, UUID keyHash, long segmentOffset) {
    SegmentKeyCache cache;
    int generation;
    synchronized (this.segmentCaches) {
      generation = this.currentCacheGeneration;
      cache = this.segmentCaches.computeIfAbsent(segmentId, s -> new SegmentKeyCache(s, this.cacheStorage));
    }

    return cache.includeExistingKey(keyHash, segmentOffset, generation);
  }

  /** Called by the table segment's indexer once keys are indexed. */
  void updateSegmentIndexOffset(long segmentId, long indexOffset) {
    SegmentKeyCache cache;
    int generation;
    synchronized (this.segmentCaches) {
      generation = this.currentCacheGeneration;
      cache = this.segmentCaches.computeIfAbsent(segmentId, s -> new SegmentKeyCache(s, this.cacheStorage));
    }

    cache.setLastIndexedOffset(indexOffset, generation);
  }
}
