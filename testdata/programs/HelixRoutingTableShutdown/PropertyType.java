package helix;

/** org.apache.helix.PropertyType, the values the reduction uses. */
public enum PropertyType {
  CONFIGS,
  LIVEINSTANCES,
  CURRENTSTATES,
  EXTERNALVIEW,
  TARGETEXTERNALVIEW
}
