package c3p0;

import java.util.Map;

/** c3p0's pooled data source, as the registry and the customizers see it. */
interface PooledDataSource extends IdentityTokenized {
  Map<String, Object> getExtensions();

  PhysicalConnection getConnection();

  void close();
}
