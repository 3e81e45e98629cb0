package zk;

import java.net.InetSocketAddress;
import java.util.Map;

/** One configuration of the ensemble: its version and the election address of every member. */
class QuorumVerifier {
  private final long version;
  private final Map<Long, InetSocketAddress> members;

  QuorumVerifier(long version, Map<Long, InetSocketAddress> members) {
    this.version = version;
    this.members = members;
  }

  long getVersion() {
    return version;
  }

  Map<Long, InetSocketAddress> getAllMembers() {
    return members;
  }
}
