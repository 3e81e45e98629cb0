package jackson.databind;

/**
 * The translating naming strategies and their constants, out of {@link PropertyNamingStrategy}:
 * initializing this class makes strategies, but it is no supertype of them, so no strategy's
 * initialization waits for it.
 */
public abstract class PropertyNamingStrategies implements java.io.Serializable {
  private static final long serialVersionUID = 2L;

  /** {@code userId} written {@code user_id}. */
  public static final PropertyNamingStrategy SNAKE_CASE = new SnakeCaseStrategy();

  /** {@code userId} written {@code UserId}. */
  public static final PropertyNamingStrategy UPPER_CAMEL_CASE = new UpperCamelCaseStrategy();

  /** A strategy that translates every name the same way. */
  public abstract static class NamingBase extends PropertyNamingStrategy {
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

  public static class SnakeCaseStrategy extends NamingBase {
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

  public static class UpperCamelCaseStrategy extends NamingBase {
    @Override
    public String translate(String input) {
      return input.isEmpty() ? input : Character.toUpperCase(input.charAt(0)) + input.substring(1);
    }
  }
}
