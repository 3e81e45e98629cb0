package h2;

/** A database session; the system session commits sequence updates to the meta table. */
class Session {
  private final Database database;

  Session(Database database) {
    this.database = database;
  }

  void commit(boolean ddl) {}
}
