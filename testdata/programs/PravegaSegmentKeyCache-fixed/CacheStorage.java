package io.pravega.segmentstore.server.tables;

/**
 * The process-wide block cache (DirectMemoryCache in Pravega): {@code insert} and {@code replace}
 * throw {@link CacheFullException} when it is full.
 */
interface CacheStorage {
  int insert(byte[] data);

  int replace(int address, byte[] data);

  void delete(int address);

  byte[] get(int address);
}
