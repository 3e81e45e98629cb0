package helix;

/** org.apache.helix.NotificationContext, without the attribute map. */
public class NotificationContext {
  private HelixManager _manager;
  private Type _type;
  private ChangeType _changeType;
  private String _pathChanged;
  private final long _creationTime;
  private boolean _isChildChange;

  public NotificationContext(HelixManager manager) {
    _manager = manager;
    _creationTime = System.currentTimeMillis();
  }

  public HelixManager getManager() {
    return _manager;
  }

  public Type getType() {
    return _type;
  }

  public void setType(Type type) {
    _type = type;
  }

  public long getCreationTime() {
    return _creationTime;
  }

  public enum Type {
    INIT,
    CALLBACK,
    PERIODIC_REFRESH,
    FINALIZE
  }

  public String getPathChanged() {
    return _pathChanged;
  }

  public void setPathChanged(String pathChanged) {
    _pathChanged = pathChanged;
  }

  public ChangeType getChangeType() {
    return _changeType;
  }

  public void setChangeType(ChangeType changeType) {
    _changeType = changeType;
  }

  public boolean getIsChildChange() {
    return _isChildChange;
  }

  public void setIsChildChange(boolean isChildChange) {
    _isChildChange = isChildChange;
  }
}
