package dev.lockdep.lockgraph.program;

/**
 * The rules of dispatch that hold whatever the program's types are ({@link TypeHierarchy} has the
 * types themselves). A call runs the body its receiver's runtime type selects when the walk knows
 * that type: the receiver is {@code this} of a context whose type is known, a parameter bound to
 * an argument of a known type, or an object created right there. Otherwise it may run any body
 * selected by a subtype of the receiver's static type: class-hierarchy analysis, with no cap.
 *
 * <p>Two exclusions keep that fallback to what a reader would expect (the composer adds one more:
 * an override already on the call chain is not entered again through dispatch, a decorator calling
 * the method it implements on its delegate). A call whose static target the JDK declares ({@code
 * Object.equals}, {@code AutoCloseable.close}, {@code Runnable.run}) on a receiver whose static type
 * the JDK declares too says nothing about which of the program's many implementations runs: it
 * dispatches into the program only when the walk knows the receiver's runtime type. And methods of
 * anonymous and local classes run only where an object of that class is known to be (a callback
 * bound where it is created, a receiver of that exact type), never by the hierarchy.
 */
final class ClassHierarchy {
  private ClassHierarchy() {}

  /**
   * Whether {@code id} is a method of an anonymous or local class, whose binary names have {@code $}
   * followed by a digit.
   */
  static boolean ofLocalClass(String id) {
    int hash = id.indexOf('#');
    int owner = hash < 0 ? id.length() : hash;
    for (int dollar = id.indexOf('$'); dollar >= 0 && dollar + 1 < owner; dollar = id.indexOf('$', dollar + 1)) {
      char next = id.charAt(dollar + 1);
      if (next >= '0' && next <= '9') {
        return true;
      }
    }
    return false;
  }

  /** The type that declares the method {@code id}, or null for a lambda. */
  static String owner(String id) {
    int hash = id.indexOf('#');
    return hash <= 0 || id.startsWith("lambda@") ? null : id.substring(0, hash);
  }

  /**
   * The class an anonymous or local class {@code type} is written in ({@code pkg.Outer} of {@code
   * pkg.Outer$1} or {@code pkg.Outer$1Local}), whose code makes its objects; null for any other.
   */
  static String writtenIn(String type) {
    int dollar = type.lastIndexOf('$');
    return dollar > 0 && dollar + 1 < type.length() && Character.isDigit(type.charAt(dollar + 1))
        ? type.substring(0, dollar)
        : null;
  }

  /** The erased type of parameter {@code position} as the body's id names it ({@code pkg.Type#m(a.A,b.B)}). */
  static String parameterType(String id, int position) {
    int open = id.indexOf('(');
    int close = id.lastIndexOf(')');
    if (open < 0 || close < open) {
      return "";
    }
    int start = open + 1;
    for (int i = 0; i < position; i++) {
      int comma = id.indexOf(',', start);
      if (comma < 0 || comma > close) {
        return "";
      }
      start = comma + 1;
    }
    int comma = id.indexOf(',', start);
    return id.substring(start, comma < 0 || comma > close ? close : comma);
  }
}
