package helix;

/** HelixConstants.ChangeType, the values the reduction registers. */
public enum ChangeType {
  INSTANCE_CONFIG,
  LIVE_INSTANCE,
  CURRENT_STATE,
  EXTERNAL_VIEW,
  TARGET_EXTERNAL_VIEW
}
