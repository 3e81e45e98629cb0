package io.pravega.segmentstore.server.tables;

/** Only essential cache entries may be inserted now. */
class CacheDisabledException extends RuntimeException {}
