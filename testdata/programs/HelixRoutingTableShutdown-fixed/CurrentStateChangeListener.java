package helix;

import java.util.List;

/** org.apache.helix.api.listeners.CurrentStateChangeListener */
public interface CurrentStateChangeListener {
  void onStateChange(String instanceName, List<CurrentState> statesInfo,
      NotificationContext changeContext);
}
