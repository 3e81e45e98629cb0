package c3p0;

import java.util.Map;

/** The convenience base: no-op hooks and the lookup of the data source's extensions. */
abstract class AbstractConnectionCustomizer implements ConnectionCustomizer {
  protected Map<String, Object> extensionsForToken(String parentDataSourceIdentityToken) {
    return C3P0Registry.extensionsForToken(parentDataSourceIdentityToken);
  }

  @Override
  public void onAcquire(PhysicalConnection c, String parentDataSourceIdentityToken) {}

  @Override
  public void onDestroy(PhysicalConnection c, String parentDataSourceIdentityToken) {}
}
