package io.pravega.segmentstore.server.tables;

/** A cache entry was evicted concurrently and cannot store any more. */
class CacheEntryEvictedException extends RuntimeException {}
