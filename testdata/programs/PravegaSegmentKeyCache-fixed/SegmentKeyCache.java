package io.pravega.segmentstore.server.tables;

import io.pravega.segmentstore.server.CacheManager;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Pravega pull request #5841, the fix of https://github.com/pravega/pravega/issues/5840: an entry's
 * generation and highest offset are volatile, read without its monitor, and a failed update returns
 * false so that its caller evicts the entry after the entry's monitor is released.
 */
class SegmentKeyCache {
  private static final int HASH_GROUP_COUNT = 1024;
  private static final int VALUE_SERIALIZATION_LENGTH = Long.BYTES;

  private final long segmentId;
  private final CacheStorage cacheStorage;
  private volatile boolean essentialCacheOnly;
  private long lastIndexedOffset;
  private final HashMap<Short, CacheEntry> cacheEntries = new HashMap<>();
  private final HashMap<UUID, Long> tailOffsets = new HashMap<>();

  SegmentKeyCache(long segmentId, CacheStorage cacheStorage) {
    this.segmentId = segmentId;
    this.cacheStorage = cacheStorage;
  }

  void setEssentialCacheOnly(boolean essentialCacheOnly) {
    this.essentialCacheOnly = essentialCacheOnly;
  }

  synchronized CacheManager.CacheStatus getCacheStatus() {
    return CacheManager.CacheStatus.fromGenerations(
        this.cacheEntries.values().stream().filter(Objects::nonNull).map(CacheEntry::getGeneration).iterator());
  }

  /** Collects and unregisters the entries older than the given generation; the caller evicts them. */
  synchronized List<CacheEntry> evictBefore(int oldestGeneration) {
    // Remove those entries that have a generation below the oldest permissible one.
    ArrayList<CacheEntry> removedEntries = new ArrayList<>();
    for (Map.Entry<Short, CacheEntry> e : this.cacheEntries.entrySet()) {
      CacheEntry entry = e.getValue();
      if (entry.getGeneration() < oldestGeneration && entry.getHighestOffset() < this.lastIndexedOffset) {
        removedEntries.add(entry);
      }
    }

    // Clear the expired cache entries.
    removedEntries.forEach(e -> this.cacheEntries.remove(e.hashGroup));
    return removedEntries;
  }

  long includeExistingKey(UUID keyHash, long segmentOffset, int generation) {
    short hashGroup = getHashGroup(keyHash);
    CacheEntry entry;
    synchronized (this) {
      Long tailOffset = this.tailOffsets.get(keyHash);
      if (tailOffset != null && tailOffset >= segmentOffset) {
        // There already exists a higher offset for this Key Hash. No need to do more.
        return tailOffset;
      }

      entry = this.cacheEntries.computeIfAbsent(hashGroup, hg -> new CacheEntry(hashGroup, generation));
    }

    // Update the cache entry directly.
    if (!entry.update(keyHash, segmentOffset, generation)) {
      evictEntry(entry);
    }
    return segmentOffset;
  }

  private void evictEntry(CacheEntry entry) {
    synchronized (this) {
      this.cacheEntries.remove(entry.hashGroup);
    }

    entry.evict(); // This need not be invoked while holding the lock (it has its own synchronization).
  }

  void setLastIndexedOffset(long currentLastIndexedOffset, int cacheGeneration) {
    ArrayList<MigrationCandidate> candidates = new ArrayList<>();
    synchronized (this) {
      this.lastIndexedOffset = currentLastIndexedOffset;
      for (Map.Entry<UUID, Long> tailHash : this.tailOffsets.entrySet()) {
        long offset = tailHash.getValue();
        if (offset < currentLastIndexedOffset) {
          // This entry has already been indexed, so it should be removed from the tail cache.
          CacheEntry cacheEntry =
              this.cacheEntries.computeIfAbsent(getHashGroup(tailHash.getKey()), hg -> new CacheEntry(hg, cacheGeneration));
          candidates.add(new MigrationCandidate(tailHash.getKey(), cacheEntry, offset));
        }
      }
    }

    candidates.forEach(mc -> commitMigrationCandidate(mc, cacheGeneration));
    synchronized (this) {
      // Finally, remove tail hashes, but ONLY if they haven't changed.
      candidates.forEach(c -> this.tailOffsets.remove(c.keyHash, c.offset));
    }
  }

  private void commitMigrationCandidate(MigrationCandidate mc, int cacheGeneration) {
    if (!mc.commit(cacheGeneration)) {
      // If we were unable to commit a migration candidate, we should evict it. It likely is in an
      // inconsistent state. This is safe to do since any data in this entry can be reloaded.
      evictEntry(mc.cacheEntry);
    }
  }

  private short getHashGroup(UUID keyHash) {
    return (short) Math.floorMod(keyHash.hashCode(), HASH_GROUP_COUNT);
  }

  static class MigrationCandidate {
    final UUID keyHash;
    final CacheEntry cacheEntry;
    final Long offset;

    MigrationCandidate(UUID keyHash, CacheEntry cacheEntry, Long offset) {
      this.keyHash = keyHash;
      this.cacheEntry = cacheEntry;
      this.offset = offset;
    }

    boolean commit(int cacheGeneration) {
      try {
        return this.cacheEntry.update(this.keyHash, this.offset, cacheGeneration);
      } catch (CacheEntryEvictedException ex) {
        // Nothing to do here. A concurrent eviction has removed this entry.
        return false;
      }
    }
  }

  /** The key hashes of one hash group with their offsets, stored in the cache storage. */
  class CacheEntry {
    private static final int HASH_LENGTH = 2 * Long.BYTES;
    private static final int INITIAL_ADDRESS = -1;
    private static final int EVICTED_ADDRESS = -2;
    private final short hashGroup;
    private volatile int generation;
    private volatile long highestOffset;
    private int cacheAddress;

    private CacheEntry(short hashGroup, int currentGeneration) {
      this.hashGroup = hashGroup;
      this.generation = currentGeneration;
      this.highestOffset = 0;
      this.cacheAddress = INITIAL_ADDRESS;
    }

    int getGeneration() {
      return this.generation;
    }

    long getHighestOffset() {
      return this.highestOffset;
    }

    synchronized boolean update(UUID keyHash, long segmentOffset, int currentGeneration) {
      ByteBuffer entryData = ByteBuffer.allocate(HASH_LENGTH + VALUE_SERIALIZATION_LENGTH);
      entryData.putLong(keyHash.getMostSignificantBits()).putLong(keyHash.getLeastSignificantBits());
      entryData.putLong(segmentOffset);

      // Update the cache and stats.
      try {
        storeInCache(entryData.array());
        this.generation = currentGeneration;
        this.highestOffset = Math.max(this.highestOffset, segmentOffset);
      } catch (CacheEntryEvictedException cex) {
        // Pass-through exception. If this is the case, the entry has already been evicted.
        throw cex;
      } catch (CacheDisabledException cex) {
        // Not updating the cache: non-essential cache entries are disabled (logged at debug level).
        return false;
      } catch (Throwable ex) {
        // Cache entry update failed (logged as a warning); the caller evicts the entry.
        return false;
      }

      return true;
    }

    synchronized boolean evict() {
      int address = this.cacheAddress;
      this.cacheAddress = EVICTED_ADDRESS;
      if (address >= 0) {
        SegmentKeyCache.this.cacheStorage.delete(address);
        return true;
      }

      return false;
    }

    private void storeInCache(byte[] data) {
      if (this.cacheAddress == EVICTED_ADDRESS) {
        throw new CacheEntryEvictedException();
      }

      if (SegmentKeyCache.this.essentialCacheOnly) {
        // All entries are "non-essential": they can all be regenerated from persisted data.
        if (this.cacheAddress >= 0) {
          SegmentKeyCache.this.cacheStorage.delete(this.cacheAddress);
          this.cacheAddress = EVICTED_ADDRESS;
        }

        throw new CacheDisabledException(); // This is handled upstream.
      }

      if (this.cacheAddress >= 0) {
        this.cacheAddress = SegmentKeyCache.this.cacheStorage.replace(this.cacheAddress, data);
      } else {
        this.cacheAddress = SegmentKeyCache.this.cacheStorage.insert(data);
      }
    }
  }
}
