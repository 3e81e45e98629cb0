package helix;

/** org.apache.helix.model.LiveInstance: the znode a participant's session owns. */
public class LiveInstance extends HelixProperty {
  public LiveInstance(String instanceName, String sessionId) {
    super(instanceName);
    _simpleFields.put("SESSION_ID", sessionId);
  }

  public String getInstanceName() {
    return getId();
  }

  public String getEphemeralOwner() {
    return _simpleFields.get("SESSION_ID");
  }
}
