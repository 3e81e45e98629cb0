package zk;

/** The follower's main loop, run by the QuorumPeer thread. */
class Follower extends Learner {
  Follower(QuorumPeer self) {
    super(self);
  }

  void followLeader() {
    long newEpoch = registerWithLeader();
    syncWithLeader(newEpoch);
  }

  private long registerWithLeader() {
    return self.getQuorumVerifier().getVersion() + 1;
  }
}
