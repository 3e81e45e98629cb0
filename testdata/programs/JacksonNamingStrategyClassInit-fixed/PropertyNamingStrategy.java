package jackson.databind;

/**
 * How the names of a bean's properties are written: the default keeps them. The translating
 * strategies and their constants are in {@link PropertyNamingStrategies}, a class of their own.
 */
public class PropertyNamingStrategy implements java.io.Serializable {
  private static final long serialVersionUID = 2L;

  public String nameForField(String defaultName) {
    return defaultName;
  }

  public String nameForGetterMethod(String defaultName) {
    return defaultName;
  }
}
