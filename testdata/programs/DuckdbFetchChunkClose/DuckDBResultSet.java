package org.duckdb;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * duckdb-java 1.3.0, before pull request #242 (https://github.com/duckdb/duckdb-java/issues/241):
 * fetching the next chunk takes the result set's lock, then its connection's.
 */
public class DuckDBResultSet {
  private final DuckDBConnection conn;
  private final DuckDBPreparedStatement stmt;

  /** {@code null} if this result set is closed. */
  private ByteBuffer resultRef;

  private final Lock resultRefLock = new ReentrantLock();

  private Object[] currentChunk = {};
  private int chunkIdx = 0;
  private boolean finished = false;

  public DuckDBResultSet(DuckDBConnection conn, DuckDBPreparedStatement stmt, ByteBuffer resultRef)
      throws SQLException {
    try {
      this.conn = Objects.requireNonNull(conn);
      this.stmt = Objects.requireNonNull(stmt);
      this.resultRef = Objects.requireNonNull(resultRef);
    } catch (NullPointerException e) {
      throw new SQLException(e);
    }
  }

  public DuckDBPreparedStatement getStatement() throws SQLException {
    checkOpen();
    return stmt;
  }

  public boolean next() throws SQLException {
    checkOpen();
    if (finished) {
      return false;
    }
    chunkIdx++;
    if (currentChunk.length == 0 || chunkIdx > currentChunk.length) {
      currentChunk = fetchChunk();
      chunkIdx = 1;
    }
    if (currentChunk.length == 0) {
      finished = true;
      return false;
    }
    return true;
  }

  public void close() throws SQLException {
    if (isClosed()) {
      return;
    }
    resultRefLock.lock();
    try {
      if (isClosed()) {
        return;
      }
      DuckDBNative.duckdb_jdbc_free_result(resultRef);
      // Nullness is used to determine whether we're closed
      resultRef = null;
    } finally {
      resultRefLock.unlock();
    }
  }

  public boolean isClosed() {
    return resultRef == null;
  }

  private void checkOpen() throws SQLException {
    if (isClosed()) {
      throw new SQLException("ResultSet was closed");
    }
  }

  private Object[] fetchChunk() throws SQLException {
    // Take both result set and connection locks for fetching
    resultRefLock.lock();
    try {
      checkOpen();
      conn.connRefLock.lock();
      try {
        conn.checkOpen();
        return DuckDBNative.duckdb_jdbc_fetch(resultRef, conn.connRef);
      } finally {
        conn.connRefLock.unlock();
      }
    } catch (SQLException e) {
      close();
      throw e;
    } finally {
      resultRefLock.unlock();
    }
  }
}
