package helix;

import java.util.List;

/** org.apache.helix.api.listeners.LiveInstanceChangeListener */
public interface LiveInstanceChangeListener {
  void onLiveInstanceChange(List<LiveInstance> liveInstances, NotificationContext changeContext);
}
