package helix;

import java.util.List;

/** org.apache.helix.HelixDataAccessor, the reads the reduction uses. */
public interface HelixDataAccessor {
  PropertyKey.Builder keyBuilder();

  <T extends HelixProperty> List<T> getChildValues(PropertyKey key, boolean throwException);
}
