package logback;

/** slf4j's formatter: each "{}" takes the next argument's toString(). */
final class MessageFormatter {
  private static final String ANCHOR = "{}";

  private MessageFormatter() {}

  static String arrayFormat(String pattern, Object[] args) {
    StringBuilder sb = new StringBuilder();
    int from = 0;
    for (Object arg : args) {
      int at = pattern.indexOf(ANCHOR, from);
      if (at < 0) {
        break;
      }
      sb.append(pattern, from, at);
      deeplyAppendParameter(sb, arg);
      from = at + ANCHOR.length();
    }
    sb.append(pattern.substring(from));
    return sb.toString();
  }

  private static void deeplyAppendParameter(StringBuilder sb, Object o) {
    if (o == null) {
      sb.append("null");
    } else {
      safeObjectAppend(sb, o);
    }
  }

  private static void safeObjectAppend(StringBuilder sb, Object o) {
    try {
      sb.append(o.toString());
    } catch (RuntimeException e) {
      sb.append("[FAILED toString()]");
    }
  }
}
