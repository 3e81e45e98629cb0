package helix;

import java.util.UUID;

/**
 * Stand-in for the test's MockParticipantManager: a participant's session owns its live-instance
 * znode and writes one current state under its session; syncStop ends the session, which deletes
 * the ephemeral live instance.
 */
public class MockParticipantManager {
  private final String _clusterName;
  private final String _instanceName;
  private final String _sessionId = UUID.randomUUID().toString();
  private ZkClient _zkClient;

  public MockParticipantManager(String clusterName, String instanceName) {
    _clusterName = clusterName;
    _instanceName = instanceName;
  }

  public void syncStart() {
    _zkClient = FakeZooKeeper.newClient(_instanceName);
    PropertyKey.Builder keyBuilder = new PropertyKey.Builder(_clusterName);
    CurrentState cs = new CurrentState("TestDB0");
    cs.setSessionId(_sessionId);
    _zkClient.createPersistent(keyBuilder.currentState(_instanceName, _sessionId, "TestDB0")
        .getPath(), cs);
    _zkClient.createEphemeral(keyBuilder.liveInstance(_instanceName).getPath(),
        new LiveInstance(_instanceName, _sessionId));
  }

  public void syncStop() {
    _zkClient.delete(new PropertyKey.Builder(_clusterName).liveInstance(_instanceName).getPath());
    _zkClient.close();
  }

  public String getInstanceName() {
    return _instanceName;
  }

  public String getSessionId() {
    return _sessionId;
  }
}
