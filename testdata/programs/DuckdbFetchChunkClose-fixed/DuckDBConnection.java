package org.duckdb;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** Closes every statement it tracks, and through them their result sets, under its own lock. */
public final class DuckDBConnection {
  ByteBuffer connRef;
  final Lock connRefLock = new ReentrantLock();
  final LinkedHashSet<DuckDBPreparedStatement> preparedStatements = new LinkedHashSet<>();
  volatile boolean closing;

  DuckDBConnection(ByteBuffer connRef) {
    this.connRef = connRef;
  }

  public DuckDBPreparedStatement createStatement() throws SQLException {
    checkOpen();
    return new DuckDBPreparedStatement(this);
  }

  public void close() throws SQLException {
    if (isClosed()) {
      return;
    }
    connRefLock.lock();
    try {
      if (isClosed()) {
        return;
      }
      // Statements closed from here skip untracking themselves (see SOURCE.md).
      this.closing = true;

      try {
        interrupt();
      } catch (SQLException e) {
        // suppress
      }

      // Last statement created is first deleted
      List<DuckDBPreparedStatement> psList = new ArrayList<>(preparedStatements);
      Collections.reverse(psList);
      for (DuckDBPreparedStatement ps : psList) {
        ps.close();
      }
      preparedStatements.clear();

      DuckDBNative.duckdb_jdbc_disconnect(connRef);
      connRef = null;
    } finally {
      connRefLock.unlock();
    }
  }

  public boolean isClosed() {
    return connRef == null;
  }

  void checkOpen() throws SQLException {
    if (isClosed()) {
      throw new SQLException("Connection was closed");
    }
  }

  /** Aborts the query running on this connection. */
  void interrupt() throws SQLException {
    checkOpen();
    connRefLock.lock();
    try {
      checkOpen();
      DuckDBNative.duckdb_jdbc_interrupt(connRef);
    } finally {
      connRefLock.unlock();
    }
  }
}
