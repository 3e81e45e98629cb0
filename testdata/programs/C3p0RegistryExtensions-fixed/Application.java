package c3p0;

/** One thread takes a connection (acquired by a helper thread) while another closes the source. */
final class Application {
  private Application() {}

  static ComboPooledDataSource open() {
    ComboPooledDataSource ds = new ComboPooledDataSource("ds-1");
    ds.putExtension("initSql", "SET SCHEMA app");
    ds.setConnectionCustomizer(new InitSqlConnectionCustomizer());
    return ds;
  }

  static void work(PooledDataSource ds) {
    PhysicalConnection c = ds.getConnection();
    c.lastSql();
  }

  static void shutdown(PooledDataSource ds) {
    ds.close();
  }
}
