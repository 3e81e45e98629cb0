import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes, for every public interface of a JDK module, a source file of the same interface whose
 * abstract methods are default methods (throwing; equals, hashCode and toString stay abstract),
 * and without {@code Wrapper.unwrap}: compiled
 * with {@code --patch-module}, it lets classes written against an older JDBC, which implement
 * only the methods of their day, compile on JDK 17. Constants, superinterfaces, the methods'
 * signatures and the existing default methods stay as they are.
 *
 * <p>Usage: {@code java DefaultMethods.java MODULE OUTDIR}
 */
public class DefaultMethods {
  public static void main(String[] args) throws Exception {
    String module = args[0];
    Path out = Path.of(args[1]);
    Set<String> leaveOut = new HashSet<>(Arrays.asList(args).subList(2, args.length));
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    Path root = jrt.getPath("modules", module);
    List<String> names;
    try (Stream<Path> files = Files.walk(root)) {
      names = files.map(p -> root.relativize(p).toString())
          .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.equals("module-info.class"))
          .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
          .sorted().collect(Collectors.toList());
    }
    for (String name : names) {
      Class<?> c = Class.forName(name, false, ClassLoader.getPlatformClassLoader());
      if (c.isInterface() && !c.isAnnotation() && Modifier.isPublic(c.getModifiers())) {
        write(c, out, leaveOut);
      }
    }
  }

  static void write(Class<?> c, Path out, Set<String> leaveOut) throws IOException {
    Path file = out.resolve(c.getName().replace('.', '/') + ".java");
    Files.createDirectories(file.getParent());
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
      w.println("package " + c.getPackageName() + ";");
      w.print("public interface " + c.getSimpleName() + typeParams(c.getTypeParameters()));
      Type[] supers = c.getGenericInterfaces();
      if (supers.length > 0) {
        w.print(" extends " + Arrays.stream(supers).map(DefaultMethods::name).collect(Collectors.joining(", ")));
      }
      w.println(" {");
      for (Field f : c.getDeclaredFields()) {
        w.println("  " + name(f.getGenericType()) + " " + f.getName() + " = " + constant(f) + ";");
      }
      for (Method m : c.getDeclaredMethods()) {
        if (m.isSynthetic() || Modifier.isPrivate(m.getModifiers())) {
          continue;
        }
        if (leaveOut.contains(c.getName() + "." + m.getName())) {
          continue;
        }
        boolean isStatic = Modifier.isStatic(m.getModifiers());
        boolean ofObject = isObjectMethod(m);
        StringBuilder s = new StringBuilder("  ");
        s.append(isStatic ? "static " : ofObject ? "" : "default ");
        String tp = typeParams(m.getTypeParameters());
        if (!tp.isEmpty()) {
          s.append(tp.substring(1)).append(' ');
        }
        s.append(name(m.getGenericReturnType())).append(' ').append(m.getName()).append('(');
        Type[] params = m.getGenericParameterTypes();
        List<String> ps = new ArrayList<>();
        for (int i = 0; i < params.length; i++) {
          String t = name(params[i]);
          if (m.isVarArgs() && i == params.length - 1) {
            t = t.substring(0, t.length() - 2) + "...";
          }
          ps.add(t + " a" + i);
        }
        s.append(String.join(", ", ps)).append(')');
        Type[] ex = m.getGenericExceptionTypes();
        if (ex.length > 0) {
          s.append(" throws ").append(Arrays.stream(ex).map(DefaultMethods::name).collect(Collectors.joining(", ")));
        }
        s.append(ofObject ? ";" : " { throw new UnsupportedOperationException(); }");
        w.println(s);
      }
      w.println("}");
    }
  }

  /** equals, hashCode, toString redeclared: they stay abstract (a default one is not allowed). */
  static boolean isObjectMethod(Method m) {
    try {
      Object.class.getMethod(m.getName(), m.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  static String typeParams(TypeVariable<?>[] vars) {
    if (vars.length == 0) {
      return "";
    }
    return " <" + Arrays.stream(vars).map(v -> {
      Type[] b = v.getBounds();
      if (b.length == 1 && b[0] == Object.class) {
        return v.getName();
      }
      return v.getName() + " extends " + Arrays.stream(b).map(DefaultMethods::name).collect(Collectors.joining(" & "));
    }).collect(Collectors.joining(", ")) + ">";
  }

  static String name(Type t) {
    if (t instanceof Class<?> k) {
      if (k.isArray()) {
        return name(k.getComponentType()) + "[]";
      }
      return k.getName().replace('$', '.');
    }
    return t.getTypeName().replace('$', '.');
  }

  static String constant(Field f) {
    try {
      Object v = f.get(null);
      if (v instanceof String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
      }
      if (v instanceof Long) {
        return v + "L";
      }
      return String.valueOf(v);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
