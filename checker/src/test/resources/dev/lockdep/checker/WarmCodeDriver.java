import com.sun.source.util.JavacTask;
import java.io.File;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Run by WarmCodeTest in a JVM whose class path has none of the checker's classes, as a build
 * tool's JVM: compiles one source several times in process, each a fresh javac task whose
 * processor path is the checker's jars, and prints for each what the checker reported and which
 * loader ran it.
 *
 * <p>Arguments: processor path, source file, class output, checker jar, class path.
 */
public class WarmCodeDriver {
  public static void main(String[] args) throws Exception {
    String processorPath = args[0];
    Path source = Path.of(args[1]);
    String out = args[2];
    Path checkerJar = Path.of(args[3]);
    String classPath = args[4];
    Object previous = null;
    for (String step : List.of("first", "second", "rebuilt", "off")) {
      if (step.equals("rebuilt")) {
        Files.setLastModifiedTime(checkerJar, FileTime.fromMillis(Files.getLastModifiedTime(checkerJar).toMillis() + 2000));
      }
      if (step.equals("off")) {
        System.setProperty("lockdep.warmCode", "false");
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      List<String> messages = new ArrayList<>();
      try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
        JavacTask task = (JavacTask) javac.getTask(null, files, diagnostics,
            List.of("-XDcompilePolicy=simple", "-d", out, "-classpath", classPath, "-processorpath", processorPath,
                "-Xplugin:LockdepCheck"),
            null, files.getJavaFileObjects(source));
        task.call();
        diagnostics.getDiagnostics().forEach(d -> messages.add(d.getKind() + " " + d.getMessage(Locale.ROOT).lines().findFirst().orElse("")));
        Map<?, ?> kept = (Map<?, ?>) System.getProperties().get("dev.lockdep.checker.WarmCode.loaders");
        int loaders = kept == null ? 0 : kept.size();
        Object loader = loaders == 1 ? ((SoftReference<?>) ((Map.Entry<?, ?>) kept.values().iterator().next()).getValue()).get() : null;
        boolean ranThere = loader != null && (Boolean) Class.forName("dev.lockdep.checker.LockdepSession", true, (ClassLoader) loader)
            .getMethod("isAttached", JavacTask.class).invoke(null, task);
        System.out.println(step + " loaders=" + loaders + " sameLoader=" + (loader != null && loader == previous)
            + " ranInKeptLoader=" + ranThere + " messages=" + messages);
        previous = loader;
      }
    }
  }
}
