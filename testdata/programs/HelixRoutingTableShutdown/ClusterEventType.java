package helix;

/** org.apache.helix.controller.stages.ClusterEventType, the values the provider queues. */
public enum ClusterEventType {
  InstanceConfigChange,
  LiveInstanceChange,
  CurrentStateChange,
  ExternalViewChange,
  TargetExternalViewChange,
  PeriodicalRebalance
}
