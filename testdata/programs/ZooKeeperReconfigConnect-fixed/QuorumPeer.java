package zk;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** A server of the ensemble: QV_LOCK guards its configurations and its own addresses. */
class QuorumPeer extends Thread {
  final Object QV_LOCK = new Object();

  private final long myid;
  private QuorumVerifier quorumVerifier;
  private QuorumVerifier lastSeenQuorumVerifier;
  private final AtomicReference<InetSocketAddress> myElectionAddr = new AtomicReference<>();
  private final AtomicReference<QuorumCnxManager> qcmRef = new AtomicReference<>();
  private Follower follower;

  QuorumPeer(long myid, QuorumVerifier initial) {
    this.myid = myid;
    this.quorumVerifier = initial;
    this.lastSeenQuorumVerifier = initial;
    this.myElectionAddr.set(initial.getAllMembers().get(myid));
  }

  long getMyId() {
    return myid;
  }

  /** The fix's fast path: the address is read without QV_LOCK once it is set. */
  InetSocketAddress getElectionAddress() {
    InetSocketAddress addr = myElectionAddr.get();
    if (addr != null) {
      return addr;
    }
    try {
      synchronized (QV_LOCK) {
        addr = myElectionAddr.get();
        while (addr == null) {
          QV_LOCK.wait();
          addr = myElectionAddr.get();
        }
        return addr;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
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
    QuorumCnxManager qcm = new QuorumCnxManager(this);
    qcmRef.set(qcm);
    new FastLeaderElection(this, qcm).start();
  }

  /**
   * A proposed configuration seen while following: connect to the members it adds. The fix of
   * ZOOKEEPER-2778: connectOne() takes the manager's monitor and then QV_LOCK, so this takes them
   * in that order too (QV_LOCK alone when there is no manager yet).
   */
  void setLastSeenQuorumVerifier(QuorumVerifier qv) {
    QuorumCnxManager qcm = qcmRef.get();
    Object outerLockObject = (qcm != null) ? qcm : QV_LOCK;
    synchronized (outerLockObject) {
      synchronized (QV_LOCK) {
        if (lastSeenQuorumVerifier != null && lastSeenQuorumVerifier.getVersion() == qv.getVersion()) {
          return;
        }
        lastSeenQuorumVerifier = qv;
        if (qcm != null) {
          connectNewPeers(qcm);
        }
      }
    }
  }

  /** Called with the manager's monitor and QV_LOCK held, in that order. */
  private void connectNewPeers(QuorumCnxManager qcm) {
    if (quorumVerifier != null && lastSeenQuorumVerifier != null) {
      Map<Long, InetSocketAddress> committedView = quorumVerifier.getAllMembers();
      for (Long sid : lastSeenQuorumVerifier.getAllMembers().keySet()) {
        if (sid != getMyId() && !committedView.containsKey(sid)) {
          qcm.connectOne(sid);
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
