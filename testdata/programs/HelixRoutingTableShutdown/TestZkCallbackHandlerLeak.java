package helix;

/**
 * The test that hung, TestZkCallbackHandlerLeak.testCurrentStatePathLeakingByAsycRemoval, from
 * its routing table provider on: a spectator's RoutingTableProvider with CURRENTSTATES as its
 * source; the participants are stopped (their live instances go away, and the spectator's
 * ZkClient event thread runs onLiveInstanceChange), then the provider is shut down.
 */
public class TestZkCallbackHandlerLeak {
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    for (int round = 0; round < rounds; round++) {
      new TestZkCallbackHandlerLeak().testCurrentStatePathLeakingByAsycRemoval(round);
    }
  }

  public void testCurrentStatePathLeakingByAsycRemoval(int round) throws Exception {
    String clusterName = "TestZkCallbackHandlerLeak_testCurrentStatePathLeakingByAsycRemoval_" + round;
    final int n = 3;

    MockParticipantManager[] participants = new MockParticipantManager[n];
    for (int i = 0; i < n; i++) {
      String instanceName = "localhost_" + (12918 + i);
      participants[i] = new MockParticipantManager(clusterName, instanceName);
      participants[i].syncStart();
    }

    HelixManager rpManager = new ZKHelixManager(clusterName, "router");
    rpManager.connect();
    RoutingTableProvider rp = new RoutingTableProvider(rpManager, PropertyType.CURRENTSTATES);

    // clean up
    for (int i = 0; i < n; i++) {
      participants[i].syncStop();
    }
    rp.shutdown();

    if (!((ZKHelixManager) rpManager).getHandlers().isEmpty()) {
      System.out.println("HelixManager still has callback handlers after shutting down "
          + "RoutingTableProvider: " + ((ZKHelixManager) rpManager).getHandlers().size());
    }
    rpManager.disconnect();
  }
}
