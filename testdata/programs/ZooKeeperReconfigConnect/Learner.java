package zk;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

/** What a follower and an observer share: synchronising with the leader. */
class Learner {
  protected final QuorumPeer self;

  Learner(QuorumPeer self) {
    this.self = self;
  }

  /** A PROPOSAL of a reconfiguration arrives while syncing: the peer records it as last seen. */
  protected void syncWithLeader(long newEpoch) {
    Map<Long, InetSocketAddress> members = new HashMap<>(self.getQuorumVerifier().getAllMembers());
    members.put(newEpoch, new InetSocketAddress("localhost", 3888 + (int) newEpoch));
    self.setLastSeenQuorumVerifier(new QuorumVerifier(newEpoch, members));
  }
}
