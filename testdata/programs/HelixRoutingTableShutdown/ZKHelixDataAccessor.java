package helix;

import java.util.ArrayList;
import java.util.List;

/** Stand-in for org.apache.helix.manager.zk.ZKHelixDataAccessor: reads the in-memory tree. */
public class ZKHelixDataAccessor implements HelixDataAccessor {
  private final String _clusterName;
  private final ZkClient _zkClient;

  public ZKHelixDataAccessor(String clusterName, ZkClient zkClient) {
    _clusterName = clusterName;
    _zkClient = zkClient;
  }

  @Override
  public PropertyKey.Builder keyBuilder() {
    return new PropertyKey.Builder(_clusterName);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends HelixProperty> List<T> getChildValues(PropertyKey key, boolean throwException) {
    List<T> values = new ArrayList<>();
    List<String> children = _zkClient.getChildren(key.getPath());
    if (children == null) {
      return values;
    }
    for (String child : children) {
      HelixProperty record = _zkClient.readData(key.getPath() + "/" + child);
      if (record != null) {
        values.add((T) record);
      }
    }
    return values;
  }
}
