package zk;

import java.net.InetSocketAddress;
import java.util.Map;

/** A server of the ensemble: QV_LOCK guards its configurations and its own addresses. */
class QuorumPeer extends Thread {
  final Object QV_LOCK = new Object();

  private final long myid;
  private QuorumVerifier quorumVerifier;
  private QuorumVerifier lastSeenQuorumVerifier;
  private InetSocketAddress myElectionAddr;
  private QuorumCnxManager qcm;
  private Follower follower;

  QuorumPeer(long myid, QuorumVerifier initial) {
    this.myid = myid;
    this.quorumVerifier = initial;
    this.lastSeenQuorumVerifier = initial;
    this.myElectionAddr = initial.getAllMembers().get(myid);
  }

  long getMyId() {
    return myid;
  }

  InetSocketAddress getElectionAddress() {
    synchronized (QV_LOCK) {
      return myElectionAddr;
    }
  }

  QuorumVerifier getQuorumVerifier() {
    synchronized (QV_LOCK) {
      return quorumVerifier;
    }
  }

  QuorumVerifier getLastSeenQuorumVerifier() {
    synchronized (QV_LOCK) {
      return lastSeenQuorumVerifier;
    }
  }

  synchronized void startLeaderElection() {
    qcm = new QuorumCnxManager(this);
    new FastLeaderElection(this, qcm).start();
  }

  /** A proposed configuration seen while following: connect to the members it adds. */
  void setLastSeenQuorumVerifier(QuorumVerifier qv) {
    synchronized (QV_LOCK) {
      if (lastSeenQuorumVerifier != null && lastSeenQuorumVerifier.getVersion() == qv.getVersion()) {
        return;
      }
      lastSeenQuorumVerifier = qv;
      connectNewPeers();
    }
  }

  private void connectNewPeers() {
    synchronized (QV_LOCK) {
      if (qcm != null && quorumVerifier != null && lastSeenQuorumVerifier != null) {
        Map<Long, InetSocketAddress> committedView = quorumVerifier.getAllMembers();
        for (Long sid : lastSeenQuorumVerifier.getAllMembers().keySet()) {
          if (sid != getMyId() && !committedView.containsKey(sid)) {
            qcm.connectOne(sid);
          }
        }
      }
    }
  }

  @Override
  public void run() {
    follower = new Follower(this);
    follower.followLeader();
  }
}
