package org.duckdb;

import java.nio.ByteBuffer;

/** The JNI entry points the three classes call; the engine itself takes no Java lock. */
final class DuckDBNative {
  private DuckDBNative() {}

  static native ByteBuffer duckdb_jdbc_execute(ByteBuffer stmtRef, Object[] params);

  static native Object[] duckdb_jdbc_fetch(ByteBuffer resultRef, ByteBuffer connRef);

  static native void duckdb_jdbc_free_result(ByteBuffer resultRef);

  static native void duckdb_jdbc_release(ByteBuffer stmtRef);

  static native void duckdb_jdbc_interrupt(ByteBuffer connRef);

  static native void duckdb_jdbc_disconnect(ByteBuffer connRef);
}
