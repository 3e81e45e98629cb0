package c3p0;

/** Stands for the JDBC connection the driver opens; it takes no lock. */
class PhysicalConnection {
  private String initSql;

  void execute(String sql) {
    initSql = sql;
  }

  String lastSql() {
    return initSql;
  }
}
