package c3p0;

/** The data source applications create. */
final class ComboPooledDataSource extends AbstractComboPooledDataSource {
  ComboPooledDataSource(String identityToken) {
    super(identityToken);
  }
}
