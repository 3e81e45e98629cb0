package jackson.databind;

/**
 * How the names of a bean's properties are written: the default keeps them; the nested strategies
 * translate them, and the common ones are kept in constants.
 */
public class PropertyNamingStrategy implements java.io.Serializable {
  private static final long serialVersionUID = 2L;

  /** {@code userId} written {@code user_id}. */
  public static final PropertyNamingStrategy SNAKE_CASE = new SnakeCaseStrategy();

  /** {@code userId} written {@code UserId}. */
  public static final PropertyNamingStrategy UPPER_CAMEL_CASE = new UpperCamelCaseStrategy();

  public String nameForField(String defaultName) {
    return defaultName;
  }

  public String nameForGetterMethod(String defaultName) {
    return defaultName;
  }

  /** A strategy that translates every name the same way. */
  public abstract static class PropertyNamingStrategyBase extends PropertyNamingStrategy {
    @Override
    public String nameForField(String defaultName) {
      return translate(defaultName);
    }

    @Override
    public String nameForGetterMethod(String defaultName) {
      return translate(defaultName);
    }

    public abstract String translate(String propertyName);
  }

  public static class SnakeCaseStrategy extends PropertyNamingStrategyBase {
    @Override
    public String translate(String input) {
      StringBuilder result = new StringBuilder(input.length() * 2);
      for (char c : input.toCharArray()) {
        if (Character.isUpperCase(c) && result.length() > 0) {
          result.append('_');
        }
        result.append(Character.toLowerCase(c));
      }
      return result.toString();
    }
  }

  public static class UpperCamelCaseStrategy extends PropertyNamingStrategyBase {
    @Override
    public String translate(String input) {
      return input.isEmpty() ? input : Character.toUpperCase(input.charAt(0)) + input.substring(1);
    }
  }
}
