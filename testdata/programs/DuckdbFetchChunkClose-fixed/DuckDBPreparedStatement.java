package org.duckdb;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** Owns the result set of its last query and closes it under the statement lock. */
public class DuckDBPreparedStatement {
  private DuckDBConnection conn;
  private ByteBuffer stmtRef;
  final Lock stmtRefLock = new ReentrantLock();
  private DuckDBResultSet selectResult = null;
  private Object[] params = new Object[0];

  public DuckDBPreparedStatement(DuckDBConnection conn) throws SQLException {
    if (conn == null) {
      throw new SQLException("connection parameter cannot be null");
    }
    this.conn = conn;
  }

  public DuckDBResultSet executeQuery() throws SQLException {
    execute();
    return selectResult;
  }

  public boolean execute() throws SQLException {
    checkOpen();
    stmtRefLock.lock();
    try {
      checkOpen();
      if (selectResult != null) {
        selectResult.close();
      }
      selectResult = null;

      ByteBuffer resultRef = DuckDBNative.duckdb_jdbc_execute(stmtRef, params);
      selectResult = new DuckDBResultSet(conn, this, resultRef);
    } catch (SQLException e) {
      close();
      throw e;
    } finally {
      stmtRefLock.unlock();
    }
    return true;
  }

  public void close() throws SQLException {
    if (isClosed()) {
      return;
    }
    stmtRefLock.lock();
    try {
      if (isClosed()) {
        return;
      }
      if (selectResult != null) {
        selectResult.close();
        selectResult = null;
      }
      if (stmtRef != null) {
        DuckDBNative.duckdb_jdbc_release(stmtRef);
        stmtRef = null;
      }
      conn = null; // we use this as a check for closed-ness
    } finally {
      stmtRefLock.unlock();
    }
  }

  public boolean isClosed() {
    return conn == null || conn.connRef == null;
  }

  private void checkOpen() throws SQLException {
    if (isClosed()) {
      throw new SQLException("Statement was closed");
    }
  }
}
