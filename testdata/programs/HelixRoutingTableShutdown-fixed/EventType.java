package helix;

/** org.apache.zookeeper.Watcher.Event.EventType, the values the reduction uses. */
public enum EventType {
  NodeChildrenChanged,
  NodeDataChanged
}
