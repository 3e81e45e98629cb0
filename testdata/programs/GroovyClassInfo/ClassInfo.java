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

  /** Before GROOVY-8067's fix: a managed linked list guarded by its own monitor. */
  private static final class GlobalClassSet {
    private final ManagedLinkedList<ClassInfo> items = new ManagedLinkedList<>(WEAK);

    void add(ClassInfo value) {
      synchronized (items) {
        items.add(value);
      }
    }
  }
}
