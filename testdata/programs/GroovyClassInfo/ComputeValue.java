package groovy;

/** Computes the value cached for a class. */
interface ComputeValue<T> {
  T computeValue(Class<?> type);
}
