import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a synthetic program for the scale curve of docs/performance.md: {@code classes} classes of
 * ten methods each, in families that implement one interface (wide hierarchies: a call through the
 * interface has as many targets as the family has classes), whose methods call each other down
 * chains ten calls deep inside a class and onward through an interface-typed field into the next
 * class (deep chains: each call site dispatches by class hierarchy), taking their own lock and,
 * every few classes, a shared one, so that composition has locks to carry along every path.
 *
 * <p>Usage: {@code java GenerateProgram.java OUT_DIR CLASSES [FAMILY_WIDTH]}.
 */
public final class GenerateProgram {
  private static final int METHODS = 10;

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int classes = Integer.parseInt(args[1]);
    int width = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int families = Math.max(1, classes / width);
    Path pkg = out.resolve("scale");
    Files.createDirectories(pkg);
    Files.writeString(pkg.resolve("Shared.java"), "package scale;\n\nfinal class Shared {\n  static final Object LOCK = new Object();\n}\n");
    for (int f = 0; f < families; f++) {
      StringBuilder s = new StringBuilder("package scale;\n\npublic interface Service" + f + " {\n");
      for (int m = 0; m < METHODS; m++) {
        s.append("  int m").append(m).append("(int depth);\n");
      }
      Files.writeString(pkg.resolve("Service" + f + ".java"), s.append("}\n").toString());
    }
    for (int c = 0; c < classes; c++) {
      int family = c % families;
      int nextFamily = (family + 1) % families;
      StringBuilder s = new StringBuilder("package scale;\n\n");
      s.append("public class Impl").append(c).append(" implements Service").append(family).append(" {\n");
      s.append("  private final Object lock = new Object();\n");
      s.append("  private final Service").append(nextFamily).append(" next;\n");
      s.append("  private int count;\n\n");
      s.append("  public Impl").append(c).append("(Service").append(nextFamily).append(" next) {\n    this.next = next;\n  }\n");
      for (int m = 0; m < METHODS; m++) {
        s.append("\n  @Override\n  public int m").append(m).append("(int depth) {\n");
        if (m == 0 && c % 7 == 0) {
          s.append("    synchronized (Shared.LOCK) {\n      count++;\n    }\n");
        }
        s.append("    synchronized (lock) {\n      count += depth;\n    }\n");
        if (m + 1 < METHODS) {
          s.append("    return depth > 0 ? m").append(m + 1).append("(depth - 1) : count;\n");
        } else {
          s.append("    synchronized (this) {\n      return depth > 0 ? next.m0(depth - 1) : count;\n    }\n");
        }
        s.append("  }\n");
      }
      Files.writeString(pkg.resolve("Impl" + c + ".java"), s.append("}\n").toString());
    }
  }
}
