package dev.lockdep.checker.report;

import dev.lockdep.checker.LockdepCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles source files with {@code -Xplugin:LockdepCheck} and the given words, as a build would. */
final class PluginRun {
  /** One diagnostic: kind, file name, line, column, message. */
  record Diag(Diagnostic.Kind kind, String file, long line, long column, String message) {
    boolean isFinding() {
      return kind != Diagnostic.Kind.NOTE && message.startsWith("[");
    }
  }

  private PluginRun() {}

  /** Compiles every {@code .java} file below {@code root}, in the given order of paths. */
  static List<Diag> compileTree(Path root, Path classes, String... pluginWords) {
    try (Stream<Path> walk = Files.walk(root)) {
      return compile(walk.filter(p -> p.toString().endsWith(".java")).sorted().toList(), classes, pluginWords);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Diag> compile(List<Path> sources, Path classes, String... pluginWords) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options =
        List.of(
            "-XDcompilePolicy=simple",
            "-classpath", System.getProperty("java.class.path"),
            "-d", classes.toString(),
            "-Xplugin:" + LockdepCheck.NAME + " " + String.join(" ", pluginWords));
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Diag> result = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      String name = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName().toString();
      result.add(new Diag(d.getKind(), name, d.getLineNumber(), d.getColumnNumber(), d.getMessage(Locale.ROOT)));
    }
    return result;
  }

  /** Writes {@code text} to {@code root/path}, creating folders. */
  static Path write(Path root, String path, String text) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code testdata/programs/<name>} of this repository. */
  static Path program(String name) {
    return Path.of(System.getProperty("user.dir")).resolve("../testdata/programs").resolve(name).normalize();
  }
}
