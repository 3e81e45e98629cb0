package io.pravega.segmentstore.server.tables;

/** The cache storage has no room left. */
class CacheFullException extends RuntimeException {}
