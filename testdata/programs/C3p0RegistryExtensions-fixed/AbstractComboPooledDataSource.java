package c3p0;

/** The data source configured from c3p0's configuration, not from a nested DataSource. */
abstract class AbstractComboPooledDataSource extends AbstractPoolBackedDataSource {
  protected AbstractComboPooledDataSource(String identityToken) {
    super(identityToken);
  }
}
