package rhino;

/** The base of every JavaScript object: its properties live in its slot map. */
abstract class ScriptableObject {
  static final int DONTENUM = 0x02;

  private final SlotMapContainer slotMap;
  private volatile boolean isSealed;

  protected ScriptableObject() {
    slotMap = createSlotMap();
  }

  private static SlotMapContainer createSlotMap() {
    if (Context.hasThreadSafeObjects()) {
      return new ThreadSafeSlotMapContainer();
    }
    return new SlotMapContainer();
  }

  void addLazilyInitializedValue(String name, LazilyLoadedCtor init, int attributes) {
    checkNotSealed(name);
    Slot slot = slotMap.modify(name, attributes);
    slot.value = init;
  }

  void defineProperty(String propertyName, Object value, int attributes) {
    checkNotSealed(propertyName);
    put(propertyName, value);
    Slot slot = slotMap.query(propertyName);
    slot.attributes = attributes;
  }

  void put(String name, Object value) {
    if (!putImpl(name, value)) {
      throw new IllegalStateException(name);
    }
  }

  private boolean putImpl(String name, Object value) {
    checkNotSealed(name);
    Slot slot = slotMap.modify(name, 0);
    slot.value = value;
    return true;
  }

  Object get(String name) {
    Slot slot = slotMap.query(name);
    return slot == null ? null : slot.value;
  }

  private void checkNotSealed(String name) {
    if (isSealed) {
      throw new IllegalStateException("sealed: " + name);
    }
  }

  /** Seals the object; lazily defined values are built first, since building one may define more. */
  void sealObject() {
    if (!isSealed) {
      final long stamp = slotMap.readLock();
      try {
        for (Slot slot : slotMap) {
          Object value = slot.value;
          if (value instanceof LazilyLoadedCtor) {
            LazilyLoadedCtor initializer = (LazilyLoadedCtor) value;
            try {
              initializer.init();
            } finally {
              slot.value = initializer.getValue();
            }
          }
        }
        isSealed = true;
      } finally {
        slotMap.unlockRead(stamp);
      }
    }
  }
}
