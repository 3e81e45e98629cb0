package c3p0;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/** The static registry of every data source, guarded by the class's monitor. */
final class C3P0Registry {
  private static final Map<String, Object> tokensToTokenized = new HashMap<>();
  private static final Set<PooledDataSource> unclosedPooledDataSources = new HashSet<>();

  private C3P0Registry() {}

  static synchronized void register(IdentityTokenized idt) {
    tokensToTokenized.put(idt.getIdentityToken(), idt);
    if (idt instanceof PooledDataSource) {
      unclosedPooledDataSources.add((PooledDataSource) idt);
    }
  }

  private static synchronized Object findTokenized(String identityToken) {
    return tokensToTokenized.get(identityToken);
  }

  /**
   * The extensions of the data source a customizer was told about, looked up by its token. The fix
   * of the deadlock: only the lookup holds the registry's monitor, not the data source's getter.
   */
  static Map<String, Object> extensionsForToken(String pooledDataSourceIdentityToken) {
    Object o = findTokenized(pooledDataSourceIdentityToken);
    if (o == null) {
      throw new NoSuchElementException(pooledDataSourceIdentityToken);
    }
    if (!(o instanceof PooledDataSource)) {
      throw new IllegalArgumentException(pooledDataSourceIdentityToken);
    }
    return ((PooledDataSource) o).getExtensions();
  }

  static synchronized void markClosed(PooledDataSource pds) {
    unclosedPooledDataSources.remove(pds);
  }
}
