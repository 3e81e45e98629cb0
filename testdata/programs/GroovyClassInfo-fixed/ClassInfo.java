package groovy;

/** The runtime's information about a class; every ClassInfo created is added to a global set. */
public class ClassInfo {
  private static final ReferenceBundle WEAK = ReferenceBundle.getWeakBundle();

  private static final GlobalClassSet globalClassSet = new GlobalClassSet();

  private static final GroovyClassValue<ClassInfo> globalClassValue =
      GroovyClassValueFactory.createGroovyClassValue(
          new ComputeValue<ClassInfo>() {
            @Override
            public ClassInfo computeValue(Class<?> type) {
              ClassInfo ret = new ClassInfo(type);
              globalClassSet.add(ret);
              return ret;
            }
          });

  private final String name;

  ClassInfo(Class<?> klazz) {
    name = klazz.getName();
  }

  public static ClassInfo getClassInfo(Class<?> cls) {
    return globalClassValue.get(cls);
  }

  /** GROOVY-8067's fix: a lock-free queue, added to without a monitor. */
  private static final class GlobalClassSet {
    private final ManagedConcurrentLinkedQueue<ClassInfo> items = new ManagedConcurrentLinkedQueue<>(WEAK);

    void add(ClassInfo value) {
      items.add(value);
    }
  }
}
