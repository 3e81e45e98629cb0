package helix;

import static helix.ChangeType.CURRENT_STATE;
import static helix.ChangeType.EXTERNAL_VIEW;
import static helix.ChangeType.INSTANCE_CONFIG;
import static helix.ChangeType.LIVE_INSTANCE;
import static helix.ChangeType.TARGET_EXTERNAL_VIEW;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import helix.NotificationContext.Type;

/**
 * org.apache.helix.manager.zk.CallbackHandler: one listener on one path of one manager. It is
 * the ZkClient's child listener; every notification (INIT from the constructor, CALLBACK from the
 * ZkClient's event thread, FINALIZE from reset) goes through invoke, which calls the listener
 * inside synchronized (_manager).
 */
public class CallbackHandler implements IZkChildListener {
  private static final AtomicLong CALLBACK_HANDLER_UID = new AtomicLong();

  private final long _uid;
  /**
   * define the next possible notification types
   */
  private static Map<Type, List<Type>> nextNotificationType = new HashMap<>();
  static {
    nextNotificationType.put(Type.INIT, Arrays.asList(Type.CALLBACK, Type.FINALIZE));
    nextNotificationType.put(Type.CALLBACK, Arrays.asList(Type.CALLBACK, Type.FINALIZE));
    nextNotificationType.put(Type.FINALIZE, Arrays.asList(Type.INIT));
  }

  private final String _path;
  private final Object _listener;
  private final Set<EventType> _eventTypes;
  private final HelixDataAccessor _accessor;
  private final ChangeType _changeType;
  private final ZkClient _zkClient;
  private final AtomicLong _lastNotificationTimeStamp;
  private final HelixManager _manager;
  private final PropertyKey _propertyKey;
  private boolean _preFetchEnabled = true;
  private boolean _watchChild = true; // Whether we should subscribe to the child znode's data
  // change.

  // indicated whether this CallbackHandler is ready to serve event callback from ZkClient.
  private boolean _ready = false;

  /**
   * maintain the expected notification types
   * this is fix for HELIX-195: race condition between FINALIZE callbacks and Zk callbacks
   */
  private List<NotificationContext.Type> _expectTypes = nextNotificationType.get(Type.FINALIZE);

  public CallbackHandler(HelixManager manager, ZkClient client, PropertyKey propertyKey,
      Object listener, EventType[] eventTypes, ChangeType changeType) {
    if (listener == null) {
      throw new HelixException("listener could not be null");
    }

    _uid = CALLBACK_HANDLER_UID.getAndIncrement();

    _manager = manager;
    _accessor = manager.getHelixDataAccessor();
    _zkClient = client;
    _propertyKey = propertyKey;
    _path = propertyKey.getPath();
    _listener = listener;
    _eventTypes = new HashSet<>(Arrays.asList(eventTypes));
    _changeType = changeType;
    _lastNotificationTimeStamp = new AtomicLong(System.nanoTime());

    parseListenerProperties();

    init();
  }

  private void parseListenerProperties() {
    Class<?> listenerClass = null;
    switch (_changeType) {
      case INSTANCE_CONFIG:
        listenerClass = InstanceConfigChangeListener.class;
        break;
      case LIVE_INSTANCE:
        listenerClass = LiveInstanceChangeListener.class;
        break;
      case CURRENT_STATE:
        listenerClass = CurrentStateChangeListener.class;
        break;
      case EXTERNAL_VIEW:
      case TARGET_EXTERNAL_VIEW:
        listenerClass = ExternalViewChangeListener.class;
        break;
    }

    Method callbackMethod = listenerClass.getMethods()[0];
    try {
      Method method = _listener.getClass().getMethod(callbackMethod.getName(),
          callbackMethod.getParameterTypes());
      PreFetch preFetchInMethod = method.getAnnotation(PreFetch.class);
      if (preFetchInMethod != null) {
        _preFetchEnabled = preFetchInMethod.enabled();
      }
    } catch (NoSuchMethodException e) {
      System.out.println("No method " + callbackMethod.getName() + " defined in listener "
          + _listener.getClass().getCanonicalName());
    }
  }

  public Object getListener() {
    return _listener;
  }

  public String getPath() {
    return _path;
  }

  public void enqueueTask(NotificationContext changeContext) throws Exception {
    // (batch mode dropped: the routing table provider does not enable it)
    invoke(changeContext);
  }

  public void invoke(NotificationContext changeContext) throws Exception {
    Type type = changeContext.getType();
    long start = System.currentTimeMillis();

    synchronized (this) {
      if (!_expectTypes.contains(type)) {
        System.out.println("Callback handler " + _uid + " received event in wrong order. path: "
            + _path + ", expected types: " + _expectTypes + ", but was " + type);
        return;
      }
      _expectTypes = nextNotificationType.get(type);

      if (type == Type.INIT || type == Type.FINALIZE || changeContext.getIsChildChange()) {
        subscribeForChanges(changeContext.getType(), _path, _watchChild);
      }
    }

    // This allows the Helix Manager to work with one change at a time
    // TODO: Maybe we don't need to sync on _manager for all types of listener. PCould be a
    // potential improvement candidate.
    synchronized (_manager) {
      if (_changeType == INSTANCE_CONFIG) {
        InstanceConfigChangeListener listener = (InstanceConfigChangeListener) _listener;
        List<InstanceConfig> configs = preFetch(_propertyKey);
        listener.onInstanceConfigChange(configs, changeContext);

      } else if (_changeType == LIVE_INSTANCE) {
        LiveInstanceChangeListener liveInstanceChangeListener =
            (LiveInstanceChangeListener) _listener;
        List<LiveInstance> liveInstances = preFetch(_propertyKey);
        liveInstanceChangeListener.onLiveInstanceChange(liveInstances, changeContext);

      } else if (_changeType == CURRENT_STATE) {
        CurrentStateChangeListener currentStateChangeListener =
            (CurrentStateChangeListener) _listener;
        String instanceName = getInstanceNameFromPath(_path);
        List<CurrentState> currentStates = preFetch(_propertyKey);
        currentStateChangeListener.onStateChange(instanceName, currentStates, changeContext);

      } else if (_changeType == EXTERNAL_VIEW || _changeType == TARGET_EXTERNAL_VIEW) {
        ExternalViewChangeListener externalViewListener = (ExternalViewChangeListener) _listener;
        List<ExternalView> externalViewList = preFetch(_propertyKey);
        externalViewListener.onExternalViewChange(externalViewList, changeContext);

      } else {
        System.out.println("Callbackhandler " + _uid + ", Unknown change type: " + _changeType);
      }

      long end = System.currentTimeMillis();
      System.out.println(Thread.currentThread().getName() + " END:INVOKE CallbackHandler " + _uid
          + ", " + _path + " type: " + type + " Took: " + (end - start) + "ms");
    }
  }

  private static String getInstanceNameFromPath(String path) {
    // /{cluster}/INSTANCES/{instance}/CURRENTSTATES/{session}
    String[] parts = path.split("/");
    return parts.length > 3 ? parts[3] : null;
  }

  private <T extends HelixProperty> List<T> preFetch(PropertyKey key) {
    if (_preFetchEnabled) {
      return _accessor.getChildValues(key, true);
    } else {
      return Collections.emptyList();
    }
  }

  /*
   * If callback type is INIT or CALLBACK, subscribes child change listener to the path
   * and returns the path's children names.
   */
  private List<String> subscribeChildChange(String path, NotificationContext.Type callbackType) {
    if (callbackType == NotificationContext.Type.INIT
        || callbackType == NotificationContext.Type.CALLBACK) {
      _zkClient.subscribeChildChanges(path, this);
    } else if (callbackType == NotificationContext.Type.FINALIZE) {
      _zkClient.unsubscribeChildChanges(path, this);
    }
    return _zkClient.getChildren(path);
  }

  private void subscribeForChanges(NotificationContext.Type callbackType, String path,
      boolean watchChild) {
    if (_eventTypes.contains(EventType.NodeChildrenChanged)) {
      subscribeChildChange(path, callbackType);
    }
  }

  /**
   * Invoke the listener so that it sets up the initial values from the zookeeper if any
   * exists
   */
  public void init() {
    try {
      updateNotificationTime(System.nanoTime());
      NotificationContext changeContext = new NotificationContext(_manager);
      changeContext.setType(NotificationContext.Type.INIT);
      changeContext.setChangeType(_changeType);
      _ready = true;
      invoke(changeContext);
    } catch (Exception e) {
      System.out.println("Exception while invoking init callback for listener:" + _listener
          + ": " + e);
    }
  }

  @Override
  public void handleChildChange(String parentPath, List<String> currentChilds) {
    try {
      updateNotificationTime(System.nanoTime());
      if (parentPath != null && parentPath.startsWith(_path)) {
        if (currentChilds == null && parentPath.equals(_path)) {
          // _path has been removed, remove this listener
          // removeListener will call handler.reset(), which in turn call invoke() on FINALIZE type
          boolean rt = _manager.removeListener(_propertyKey, _listener);
          System.out.println("CallbackHandler " + _uid + " removed with status " + rt);
        } else {
          if (!isReady()) {
            // avoid leaking CallbackHandler
            return;
          }
          NotificationContext changeContext = new NotificationContext(_manager);
          changeContext.setType(NotificationContext.Type.CALLBACK);
          changeContext.setPathChanged(parentPath);
          changeContext.setChangeType(_changeType);
          changeContext.setIsChildChange(true);
          enqueueTask(changeContext);
        }
      }
    } catch (Exception e) {
      System.out.println("exception in handling child-change. instance: "
          + _manager.getInstanceName() + ", parentPath: " + parentPath + ": " + e);
    }
  }

  void reset(boolean isShutdown) {
    try {
      _ready = false;
      NotificationContext changeContext = new NotificationContext(_manager);
      changeContext.setType(NotificationContext.Type.FINALIZE);
      changeContext.setChangeType(_changeType);
      invoke(changeContext);
    } catch (Exception e) {
      System.out.println("Exception while resetting the listener:" + _listener + ": " + e);
    }
  }

  private void updateNotificationTime(long nanoTime) {
    long l = _lastNotificationTimeStamp.get();
    while (nanoTime > l) {
      boolean b = _lastNotificationTimeStamp.compareAndSet(l, nanoTime);
      if (b) {
        break;
      } else {
        l = _lastNotificationTimeStamp.get();
      }
    }
  }

  public boolean isReady() {
    return _ready;
  }
}
