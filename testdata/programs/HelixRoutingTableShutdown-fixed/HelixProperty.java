package helix;

import java.util.HashMap;
import java.util.Map;

/** org.apache.helix.HelixProperty over its ZNRecord: an id and simple fields. */
public class HelixProperty {
  private final String _id;
  protected final Map<String, String> _simpleFields = new HashMap<>();

  public HelixProperty(String id) {
    _id = id;
  }

  public String getId() {
    return _id;
  }
}
