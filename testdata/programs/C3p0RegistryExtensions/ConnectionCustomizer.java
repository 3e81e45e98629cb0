package c3p0;

/** Hooks an application gives c3p0, told the identity token of the parent data source. */
interface ConnectionCustomizer {
  void onAcquire(PhysicalConnection c, String parentDataSourceIdentityToken);

  void onDestroy(PhysicalConnection c, String parentDataSourceIdentityToken);
}
