package helix;

import java.util.List;

/** org.apache.helix.api.listeners.InstanceConfigChangeListener */
public interface InstanceConfigChangeListener {
  void onInstanceConfigChange(List<InstanceConfig> instanceConfigs, NotificationContext context);
}
