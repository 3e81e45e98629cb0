package groovy;

/** Groovy's ClassValue for Java 6: the value is computed inside the segment's put(). */
final class GroovyClassValuePreJava7<T> implements GroovyClassValue<T> {
  private static final ReferenceBundle WEAK = ReferenceBundle.getWeakBundle();

  private final ComputeValue<T> computeValue;
  private final ValueMap map = new ValueMap();

  public GroovyClassValuePreJava7(ComputeValue<T> computeValue) {
    this.computeValue = computeValue;
  }

  @Override
  public T get(Class<?> type) {
    return ((EntryWithValue) map.getOrPut(type)).value;
  }

  private final class EntryWithValue extends ManagedConcurrentMap.Entry<Class<?>, T> {
    private T value;

    EntryWithValue(ValueSegment segment, Class<?> key, int hash) {
      super(WEAK, segment, key, hash);
      value = computeValue.computeValue(key);
    }

    @Override
    public void finalizeReference() {
      value = null;
      super.finalizeReference();
    }
  }

  private final class ValueSegment extends ManagedConcurrentMap.Segment<Class<?>, T> {
    @Override
    protected ManagedConcurrentMap.Entry<Class<?>, T> createEntry(Class<?> key, int hash) {
      return new EntryWithValue(this, key, hash);
    }
  }

  private final class ValueMap extends ManagedConcurrentMap<Class<?>, T> {
    ValueMap() {
      super(16);
    }

    @Override
    protected ManagedConcurrentMap.Segment<Class<?>, T> createSegment() {
      return new ValueSegment();
    }
  }
}
