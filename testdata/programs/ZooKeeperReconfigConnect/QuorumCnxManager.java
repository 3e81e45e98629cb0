package zk;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The election's connections between servers; connecting holds this manager's monitor. */
class QuorumCnxManager {
  private final QuorumPeer self;
  private final Map<Long, String> senderWorkerMap = new ConcurrentHashMap<>();

  QuorumCnxManager(QuorumPeer self) {
    this.self = self;
  }

  /** Sends a notification, connecting first when there is no connection to that server. */
  void toSend(Long sid, ByteBuffer b) {
    if (!senderWorkerMap.containsKey(sid)) {
      connectOne(sid);
    }
  }

  /** Connects to a server of the committed or of the last proposed configuration. */
  synchronized void connectOne(long sid) {
    if (senderWorkerMap.containsKey(sid)) {
      return;
    }
    synchronized (self.QV_LOCK) {
      Map<Long, InetSocketAddress> lastCommittedView = self.getQuorumVerifier().getAllMembers();
      Map<Long, InetSocketAddress> lastProposedView = self.getLastSeenQuorumVerifier().getAllMembers();
      if (lastCommittedView.containsKey(sid)) {
        if (connectOne(sid, lastCommittedView.get(sid))) {
          return;
        }
      }
      if (lastProposedView.containsKey(sid)) {
        connectOne(sid, lastProposedView.get(sid));
      }
    }
  }

  private synchronized boolean connectOne(long sid, InetSocketAddress electionAddr) {
    return initiateConnection(sid, electionAddr);
  }

  private boolean initiateConnection(long sid, InetSocketAddress electionAddr) {
    return startConnection(sid, electionAddr);
  }

  /** Sends this server's id and election address first: the address is read under QV_LOCK. */
  private boolean startConnection(long sid, InetSocketAddress electionAddr) {
    String addr = formatInetAddr(self.getElectionAddress());
    senderWorkerMap.put(sid, addr + "->" + electionAddr);
    return true;
  }

  private static String formatInetAddr(InetSocketAddress addr) {
    return addr == null ? "" : addr.getHostString() + ":" + addr.getPort();
  }
}
