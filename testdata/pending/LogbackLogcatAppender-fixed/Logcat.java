package logback;

/** Stands for android.util.Log: the native log device, which takes no Java lock. */
final class Logcat {
  private Logcat() {}

  static void println(int level, String line) {
    System.out.println(level + " " + line);
  }
}
