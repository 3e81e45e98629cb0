package helix;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * org.apache.helix.spectator.RoutingTableProvider before apache/helix#1751: a listener of its
 * manager; with CURRENTSTATES as its source it adds and removes one current-state listener per
 * live session, inside synchronized (_lastSeenSessions), both from onLiveInstanceChange (called
 * by a callback handler inside synchronized (manager)) and from shutdown().
 */
public class RoutingTableProvider
    implements ExternalViewChangeListener, InstanceConfigChangeListener,
               LiveInstanceChangeListener, CurrentStateChangeListener {
  private static final long DEFAULT_PERIODIC_REFRESH_INTERVAL = 300000L; // 5 minutes
  private final Map<String, AtomicReference<RoutingTable>> _routingTableRefMap;
  private final HelixManager _helixManager;
  private final RouterUpdater _routerUpdater;
  private final Map<PropertyType, List<String>> _sourceDataTypeMap;

  // For periodic refresh
  private long _lastRefreshTimestamp;
  private boolean _isPeriodicRefreshEnabled = true; // Default is enabled
  private long _periodRefreshInterval;
  private ScheduledThreadPoolExecutor _periodicRefreshExecutor;

  protected static final  String DEFAULT_STATE_TYPE = "HELIX_DEFAULT";

  public RoutingTableProvider(HelixManager helixManager, PropertyType sourceDataType)
      throws HelixException {
    this(helixManager, Collections.singletonMap(sourceDataType, Collections.emptyList()), true,
        DEFAULT_PERIODIC_REFRESH_INTERVAL);
  }

  public RoutingTableProvider(HelixManager helixManager,
      Map<PropertyType, List<String>> sourceDataTypeMap, boolean isPeriodicRefreshEnabled,
      long periodRefreshInterval) throws HelixException {

    _routingTableRefMap = new HashMap<>();
    _helixManager = helixManager;
    _sourceDataTypeMap = sourceDataTypeMap;
    String clusterName = _helixManager != null ? _helixManager.getClusterName() : null;

    // Initialize the tables
    for (PropertyType propertyType : _sourceDataTypeMap.keySet()) {
      String key = generateReferenceKey(propertyType.name(),  DEFAULT_STATE_TYPE);
      if (_routingTableRefMap.get(key) == null) {
        _routingTableRefMap.put(key, new AtomicReference<>(new RoutingTable(propertyType)));
      }
    }

    // Start Updaters
    _routerUpdater = new RouterUpdater(clusterName, sourceDataTypeMap);
    _routerUpdater.start();

    // Add listeners
    addListeners();

    // For periodic refresh
    if (isPeriodicRefreshEnabled && _helixManager != null) {
      _lastRefreshTimestamp = System.currentTimeMillis(); // Initialize timestamp with current time
      _periodRefreshInterval = periodRefreshInterval;
      // Construct a periodic refresh context
      final NotificationContext periodicRefreshContext = new NotificationContext(_helixManager);
      periodicRefreshContext.setType(NotificationContext.Type.PERIODIC_REFRESH);
      // Create a thread that runs at specified interval
      _periodicRefreshExecutor = new ScheduledThreadPoolExecutor(1);
      _periodicRefreshExecutor.scheduleAtFixedRate(new Runnable() {
        @Override
        public void run() {
          // If enough time has elapsed since last refresh, queue a refresh event
          if (_lastRefreshTimestamp + _periodRefreshInterval < System.currentTimeMillis()) {
            // changeType is irrelevant for NotificationContext.Type.PERIODIC_REFRESH
            _routerUpdater.queueEvent(periodicRefreshContext, ClusterEventType.PeriodicalRebalance,
                null);
          }
        }
      }, _periodRefreshInterval, _periodRefreshInterval, TimeUnit.MILLISECONDS);
    } else {
      _isPeriodicRefreshEnabled = false;
    }
  }

  /**
   * A method that adds the ChangeListeners to HelixManager
   */
  private void addListeners() {
    if (_helixManager != null) {
      for (PropertyType propertyType : _sourceDataTypeMap.keySet()) {
        switch (propertyType) {
        case EXTERNALVIEW:
          try {
            _helixManager.addExternalViewChangeListener(this);
          } catch (Exception e) {
            shutdown();
            throw new HelixException("Failed to attach ExternalView Listener to HelixManager!", e);
          }
          break;
        case CURRENTSTATES:
          // CurrentState change listeners will be added later in LiveInstanceChange call.
          break;
        default:
          throw new HelixException(String.format("Unsupported source data type: %s", propertyType));
        }
      }
      try {
        _helixManager.addInstanceConfigChangeListener(this);
        _helixManager.addLiveInstanceChangeListener(this);
      } catch (Exception e) {
        shutdown();
        throw new HelixException(
            "Failed to attach InstanceConfig and LiveInstance Change listeners to HelixManager!",
            e);
      }
    }
  }

  /**
   * Shutdown current RoutingTableProvider. Once it is shutdown, it should never be reused.
   */
  public void shutdown() {
    if (_periodicRefreshExecutor != null) {
      _periodicRefreshExecutor.purge();
      _periodicRefreshExecutor.shutdown();
    }
    _routerUpdater.shutdown();


    if (_helixManager != null) {
      PropertyKey.Builder keyBuilder = _helixManager.getHelixDataAccessor().keyBuilder();
      for (PropertyType propertyType : _sourceDataTypeMap.keySet()) {
        switch (propertyType) {
        case EXTERNALVIEW:
          _helixManager.removeListener(keyBuilder.externalViews(), this);
          break;
        case TARGETEXTERNALVIEW:
          _helixManager.removeListener(keyBuilder.targetExternalViews(), this);
          break;
        case CURRENTSTATES:
          NotificationContext context = new NotificationContext(_helixManager);
          context.setType(NotificationContext.Type.FINALIZE);
          updateCurrentStatesListeners(Collections.<LiveInstance> emptyList(), context);
          break;
        default:
          break;
        }
      }
    }
  }

  /** The routing table of the default type (getRoutingTableSnapshot in the real class). */
  public RoutingTable getRoutingTable(PropertyType propertyType) {
    return _routingTableRefMap.get(generateReferenceKey(propertyType.name(), DEFAULT_STATE_TYPE))
        .get();
  }

  @Override
  @PreFetch(enabled = false)
  public void onExternalViewChange(List<ExternalView> externalViewList,
      NotificationContext changeContext) {
    ChangeType changeType = changeContext.getChangeType();
    // session has expired clean up the routing table
    if (changeContext.getType() == NotificationContext.Type.FINALIZE) {
      reset();
      return;
    }
    ClusterEventType eventType;
    if (_sourceDataTypeMap.containsKey(PropertyType.EXTERNALVIEW)) {
      eventType = ClusterEventType.ExternalViewChange;
    } else if (_sourceDataTypeMap.containsKey(PropertyType.TARGETEXTERNALVIEW)) {
      eventType = ClusterEventType.TargetExternalViewChange;
    } else {
      return;
    }
    _routerUpdater.queueEvent(changeContext, eventType, changeType);
  }

  @Override
  @PreFetch(enabled = false)
  public void onInstanceConfigChange(List<InstanceConfig> configs,
      NotificationContext changeContext) {
    _routerUpdater.queueEvent(changeContext, ClusterEventType.InstanceConfigChange,
        ChangeType.INSTANCE_CONFIG);
  }

  @Override
  @PreFetch(enabled = true)
  public void onLiveInstanceChange(List<LiveInstance> liveInstances,
      NotificationContext changeContext) {
    if (_sourceDataTypeMap.containsKey(PropertyType.CURRENTSTATES)) {
      // Go though the live instance list and update CurrentState listeners
      updateCurrentStatesListeners(liveInstances, changeContext);
    }
    _routerUpdater.queueEvent(changeContext, ClusterEventType.LiveInstanceChange,
        ChangeType.LIVE_INSTANCE);
  }

  @Override
  @PreFetch(enabled = false)
  public void onStateChange(String instanceName, List<CurrentState> statesInfo,
      NotificationContext changeContext) {
    if (_sourceDataTypeMap.containsKey(PropertyType.CURRENTSTATES)) {
      _routerUpdater.queueEvent(changeContext, ClusterEventType.CurrentStateChange,
          ChangeType.CURRENT_STATE);
    } else {
      System.out.println(
          "RoutingTableProvider does not use CurrentStates as source, ignore CurrentState changes!");
    }
  }

  final AtomicReference<Map<String, LiveInstance>> _lastSeenSessions = new AtomicReference<>();

  /**
   * Go through all live instances in the cluster, add CurrentStateChange listener to
   * them if they are newly added, and remove CurrentStateChange listener if instance is offline.
   */
  private void updateCurrentStatesListeners(List<LiveInstance> liveInstances,
      NotificationContext changeContext) {
    HelixManager manager = changeContext.getManager();
    PropertyKey.Builder keyBuilder = new PropertyKey.Builder(manager.getClusterName());

    if (changeContext.getType() == NotificationContext.Type.FINALIZE) {
      // on finalize, should remove all current-state listeners
      System.out.println("remove current-state listeners. lastSeenSessions: " + _lastSeenSessions);
      liveInstances = Collections.emptyList();
    }

    Map<String, LiveInstance> curSessions = new HashMap<>();
    for (LiveInstance liveInstance : liveInstances) {
      curSessions.put(liveInstance.getEphemeralOwner(), liveInstance);
    }

    // Go though the live instance list and update CurrentState listeners
    synchronized (_lastSeenSessions) {
      Map<String, LiveInstance> lastSessions = _lastSeenSessions.get();
      if (lastSessions == null) {
        lastSessions = Collections.emptyMap();
      }

      // add listeners to new live instances
      for (String session : curSessions.keySet()) {
        if (!lastSessions.containsKey(session)) {
          String instanceName = curSessions.get(session).getInstanceName();
          try {
            // add current-state listeners for new sessions
            manager.addCurrentStateChangeListener(this, instanceName, session);
            System.out.println(manager.getInstanceName() + " added current-state listener for "
                + "instance: " + instanceName + ", session: " + session + ", listener: " + this);
          } catch (Exception e) {
            System.out.println("Fail to add current state listener for instance: " + instanceName
                + " with session: " + session + ": " + e);
          }
        }
      }

      // remove current-state listener for expired session
      for (String session : lastSessions.keySet()) {
        if (!curSessions.containsKey(session)) {
          String instanceName = lastSessions.get(session).getInstanceName();
          manager.removeListener(keyBuilder.currentStates(instanceName, session), this);
          System.out.println("remove current-state listener for instance: " + instanceName
              + ", session: " + session);
        }
      }

      // update last-seen
      _lastSeenSessions.set(curSessions);
    }
  }

  private void reset() {
    System.out.println("Resetting the routing table.");
    RoutingTable newRoutingTable;
    for (String key: _routingTableRefMap.keySet()) {
      PropertyType propertyType = _routingTableRefMap.get(key).get().getPropertyType();
      newRoutingTable = new RoutingTable(propertyType);
      _routingTableRefMap.get(key).set(newRoutingTable);
    }
  }

  protected void refreshCurrentState(Map<String, List<String>> currentStateMap,
      List<LiveInstance> liveInstances, String referenceKey) {
    long startTime = System.currentTimeMillis();
    RoutingTable newRoutingTable =
        new RoutingTable(currentStateMap, liveInstances, PropertyType.CURRENTSTATES);
    resetRoutingTableAndNotify(startTime, newRoutingTable, referenceKey);
  }

  private void resetRoutingTableAndNotify(long startTime, RoutingTable newRoutingTable,
      String referenceKey) {
    _routingTableRefMap.get(referenceKey).set(newRoutingTable);
    String clusterName = _helixManager != null ? _helixManager.getClusterName() : null;
    System.out.println("Refreshed the RoutingTable for cluster " + clusterName + ", took "
        + (System.currentTimeMillis() - startTime) + " ms: " + newRoutingTable);

    // Update timestamp for last refresh
    if (_isPeriodicRefreshEnabled) {
      _lastRefreshTimestamp = System.currentTimeMillis();
    }
  }

  private static String generateReferenceKey(String propertyType, String stateType) {
    return propertyType + "_" + stateType;
  }

  private class RouterUpdater extends ClusterEventProcessor {
    private final Map<PropertyType, List<String>> _sourceDataTypeMap;

    public RouterUpdater(String clusterName, Map<PropertyType, List<String>> sourceDataTypeMap) {
      super(clusterName, "Helix-RouterUpdater-event_process");
      _sourceDataTypeMap = sourceDataTypeMap;
      setDaemon(true);
    }

    @Override
    protected void handleEvent(ClusterEvent event) {
      NotificationContext changeContext = event.getAttribute("changeContext");

      // session has expired clean up the routing table
      if (changeContext.getType() == NotificationContext.Type.FINALIZE) {
        reset();
      } else {
        // refresh routing table.
        HelixManager manager = event.getAttribute("helixmanager");
        if (manager == null) {
          throw new HelixException("HelixManager is null for router update event.");
        }
        if (!manager.isConnected()) {
          throw new HelixException("HelixManager is not connected for router update event.");
        }

        // (RoutingDataCache.refresh: the live instances and, per live session, its current states)
        HelixDataAccessor accessor = manager.getHelixDataAccessor();
        PropertyKey.Builder keyBuilder = accessor.keyBuilder();
        List<LiveInstance> liveInstances = accessor.getChildValues(keyBuilder.liveInstances(), true);
        for (PropertyType propertyType : _sourceDataTypeMap.keySet()) {
          switch (propertyType) {
            case CURRENTSTATES: {
              Map<String, List<String>> currentStateMap = new HashMap<>();
              for (LiveInstance liveInstance : liveInstances) {
                List<CurrentState> currentStates = accessor.getChildValues(keyBuilder
                    .currentStates(liveInstance.getInstanceName(), liveInstance.getEphemeralOwner()),
                    true);
                List<String> resources = new java.util.ArrayList<>();
                for (CurrentState currentState : currentStates) {
                  resources.add(currentState.getId());
                }
                currentStateMap.put(liveInstance.getInstanceName(), resources);
              }
              String keyReference = generateReferenceKey(propertyType.name(),  DEFAULT_STATE_TYPE);
              refreshCurrentState(currentStateMap, liveInstances, keyReference);
            }
              break;
            default:
              System.out.println("Unsupported source data type: " + propertyType
                  + ", stop refreshing the routing table!");
          }
        }
      }
    }

    public void queueEvent(NotificationContext context, ClusterEventType eventType,
        ChangeType changeType) {
      ClusterEvent event = new ClusterEvent(_clusterName, eventType);

      // Null check for manager in the following line is done in handleEvent()
      event.addAttribute("helixmanager", context.getManager());
      event.addAttribute("changeContext", context);
      queueEvent(event);
    }
  }
}
