package c3p0;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** The generated bean base: its property accessors lock the data source object. */
class PoolBackedDataSourceBase {
  private final Map<String, Object> extensions = new HashMap<>();
  private volatile String identityToken;
  private ConnectionCustomizer connectionCustomizer;

  public synchronized Map<String, Object> getExtensions() {
    return Collections.unmodifiableMap(extensions);
  }

  public synchronized void putExtension(String key, Object value) {
    extensions.put(key, value);
  }

  public synchronized ConnectionCustomizer getConnectionCustomizer() {
    return connectionCustomizer;
  }

  public synchronized void setConnectionCustomizer(ConnectionCustomizer connectionCustomizer) {
    this.connectionCustomizer = connectionCustomizer;
  }

  public String getIdentityToken() {
    return identityToken;
  }

  public void setIdentityToken(String identityToken) {
    this.identityToken = identityToken;
  }
}
