package rhino;

/** A standard object built on first use: building it defines properties of its scope. */
final class LazilyLoadedCtor {
  /** What builds the value: in 1.7.15 a class name whose static init() is called reflectively. */
  interface Initializer {
    void init(ScriptableObject scope, boolean sealed);
  }

  private static final int STATE_BEFORE_INIT = 0;
  private static final int STATE_INITIALIZING = 1;
  private static final int STATE_WITH_VALUE = 2;

  private final ScriptableObject scope;
  private final String propertyName;
  private final boolean sealed;
  private final Initializer initializer;
  private Object initializedValue;
  private int state;

  LazilyLoadedCtor(ScriptableObject scope, String propertyName, boolean sealed, Initializer initializer) {
    this.scope = scope;
    this.propertyName = propertyName;
    this.sealed = sealed;
    this.initializer = initializer;
    this.state = STATE_BEFORE_INIT;
    scope.addLazilyInitializedValue(propertyName, this, ScriptableObject.DONTENUM);
  }

  void init() {
    synchronized (this) {
      if (state == STATE_INITIALIZING) {
        throw new IllegalStateException("Recursive initialization for " + propertyName);
      }
      if (state == STATE_BEFORE_INIT) {
        state = STATE_INITIALIZING;
        Object value = null;
        try {
          value = buildValue();
        } finally {
          initializedValue = value;
          state = STATE_WITH_VALUE;
        }
      }
    }
  }

  Object getValue() {
    if (state != STATE_WITH_VALUE) {
      throw new IllegalStateException(propertyName);
    }
    return initializedValue;
  }

  private Object buildValue() {
    initializer.init(scope, sealed);
    return scope.get(propertyName);
  }
}
