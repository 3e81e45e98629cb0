package groovy;

import java.lang.reflect.Constructor;

/** Makes the class-value holder by reflection, as Groovy 2.4 does (it may pick a Java 7 one). */
final class GroovyClassValueFactory {
  private static final Constructor<?> CONSTRUCTOR;

  static {
    try {
      CONSTRUCTOR = GroovyClassValuePreJava7.class.getConstructor(ComputeValue.class);
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private GroovyClassValueFactory() {}

  @SuppressWarnings("unchecked")
  static <T> GroovyClassValue<T> createGroovyClassValue(ComputeValue<T> computeValue) {
    try {
      return (GroovyClassValue<T>) CONSTRUCTOR.newInstance(computeValue);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
