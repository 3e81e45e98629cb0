package helix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stand-in for the ZooKeeper server the test starts: one in-memory tree shared by every client;
 * a write fires the child watches of the parent in every client.
 */
final class FakeZooKeeper {
  private static final Map<String, HelixProperty> DATA = new ConcurrentSkipListMap<>();
  private static final List<ZkClient> CLIENTS = new CopyOnWriteArrayList<>();

  private FakeZooKeeper() {
  }

  static ZkClient newClient(String name) {
    ZkClient client = new ZkClient(name);
    CLIENTS.add(client);
    return client;
  }

  static List<String> getChildren(String path) {
    List<String> children = new ArrayList<>();
    String prefix = path + "/";
    for (String p : DATA.keySet()) {
      if (p.startsWith(prefix) && p.indexOf('/', prefix.length()) < 0) {
        children.add(p.substring(prefix.length()));
      }
    }
    return children;
  }

  static HelixProperty readData(String path) {
    return DATA.get(path);
  }

  static void create(String path, HelixProperty record) {
    DATA.put(path, record);
    childrenChanged(parentOf(path));
  }

  static boolean delete(String path) {
    boolean deleted = DATA.remove(path) != null;
    if (deleted) {
      childrenChanged(parentOf(path));
    }
    return deleted;
  }

  private static void childrenChanged(String parent) {
    for (ZkClient client : CLIENTS) {
      client.fireChildChangedEvents(parent);
    }
  }

  private static String parentOf(String path) {
    return path.substring(0, path.lastIndexOf('/'));
  }
}
