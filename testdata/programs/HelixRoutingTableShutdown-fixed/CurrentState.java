package helix;

/** org.apache.helix.model.CurrentState */
public class CurrentState extends HelixProperty {
  public CurrentState(String resourceName) {
    super(resourceName);
  }

  public void setSessionId(String sessionId) {
    _simpleFields.put("SESSION_ID", sessionId);
  }
}
