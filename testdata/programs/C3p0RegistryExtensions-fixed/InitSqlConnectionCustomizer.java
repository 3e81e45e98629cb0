package c3p0;

/** The documented use of extensions: run the "initSql" extension on every new connection. */
class InitSqlConnectionCustomizer extends AbstractConnectionCustomizer {
  private String getInitSql(String parentDataSourceIdentityToken) {
    return (String) extensionsForToken(parentDataSourceIdentityToken).get("initSql");
  }

  @Override
  public void onAcquire(PhysicalConnection c, String parentDataSourceIdentityToken) {
    String initSql = getInitSql(parentDataSourceIdentityToken);
    if (initSql != null) {
      c.execute(initSql);
    }
  }
}
