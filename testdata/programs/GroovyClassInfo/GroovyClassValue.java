package groovy;

/** A value computed once per class: Groovy picks the implementation by reflection. */
public interface GroovyClassValue<T> {
  T get(Class<?> type);
}
