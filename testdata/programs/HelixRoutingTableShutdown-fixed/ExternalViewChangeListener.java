package helix;

import java.util.List;

/** org.apache.helix.api.listeners.ExternalViewChangeListener */
public interface ExternalViewChangeListener {
  void onExternalViewChange(List<ExternalView> externalViewList, NotificationContext changeContext);
}
