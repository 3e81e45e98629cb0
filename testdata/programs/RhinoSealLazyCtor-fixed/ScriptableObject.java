package rhino;

import java.util.ArrayList;
import java.util.List;

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

  /**
   * Seals the object. The fix of the deadlock: the lazily defined values are only collected under
   * the read lock and built after it is released, since building one defines properties of this
   * object (a write lock); the loop repeats until a pass finds none, and only then seals.
   */
  void sealObject() {
    List<Slot> toInitialize = new ArrayList<>();
    while (!isSealed) {
      for (Slot slot : toInitialize) {
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
      toInitialize.clear();

      long stamp = slotMap.readLock();
      try {
        for (Slot slot : slotMap) {
          if (slot.value instanceof LazilyLoadedCtor) {
            toInitialize.add(slot);
          }
        }
        if (toInitialize.isEmpty()) {
          isSealed = true;
        }
      } finally {
        slotMap.unlockRead(stamp);
      }
    }
  }
}
