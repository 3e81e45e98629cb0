package dev.lockdep.checker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles sources in memory with {@code -Xplugin:LockdepCheck} alone (no Error Prone), the plugin
 * found on the test class path as a user's javac finds it on the processor path.
 */
final class PluginCompiler {
  private PluginCompiler() {}

  /** One diagnostic: kind, file name, line, message. */
  record Diag(Diagnostic.Kind kind, String file, long line, String message) {
    /** {@code Foo.java:12: error: <first line>}, the form expected-diagnostics files use. */
    String firstLine() {
      String kindName =
          switch (kind) {
            case ERROR -> "error";
            case WARNING, MANDATORY_WARNING -> "warning";
            default -> "note";
          };
      return file + ":" + line + ": " + kindName + ": " + message.lines().findFirst().orElse("");
    }

    boolean isInternalError() {
      return message.startsWith("[" + LockdepCheck.NAME + "] internal error");
    }
  }

  /** Compiles {@code sources} (path below the source root -> text) with the plugin's words. */
  static List<Diag> compile(Map<String, String> sources, String... pluginWords) {
    List<JavaFileObject> files = new ArrayList<>();
    sources.forEach((path, text) -> files.add(new Source(path, text)));
    return run(files, pluginWords);
  }

  /** Sources by path from alternating paths and texts. */
  static Map<String, String> sources(String... pathsAndTexts) {
    Map<String, String> sources = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      sources.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
    }
    return sources;
  }

  /**
   * The first line of every finding of compiling {@code sources}, without the notes. Sources that
   * do not compile fail the test: their findings would say nothing.
   */
  static List<String> findings(Map<String, String> sources) {
    List<Diag> diagnostics = compile(sources);
    for (Diag d : diagnostics) {
      if (d.kind() == Diagnostic.Kind.ERROR && !d.message().startsWith("[")) {
        throw new AssertionError("the test's sources do not compile: " + d);
      }
    }
    return diagnostics.stream()
        .filter(d -> d.message().startsWith("["))
        .filter(d -> d.kind() != Diagnostic.Kind.NOTE)
        .map(Diag::firstLine)
        .toList();
  }

  /** Compiles every {@code .java} file below {@code root}. */
  static List<Diag> compileTree(Path root, String... pluginWords) {
    try (var walk = Files.walk(root)) {
      List<JavaFileObject> files = new ArrayList<>();
      for (Path p : walk.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        files.add(new Source(root.relativize(p).toString().replace('\\', '/'), Files.readString(p)));
      }
      return run(files, pluginWords);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Diag> run(List<JavaFileObject> files, String... pluginWords) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path out;
    try {
      out = Files.createTempDirectory("lockdep-plugin");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String plugin = pluginWords.length == 0 ? "-Xplugin:" + LockdepCheck.NAME : "-Xplugin:" + LockdepCheck.NAME + " " + String.join(" ", pluginWords);
    List<String> options =
        List.of(
            "-XDcompilePolicy=simple",
            "-classpath", System.getProperty("java.class.path"),
            "-d", out.toString(),
            "-Xmaxerrs", "10000",
            "-Xmaxwarns", "10000",
            plugin);
    try {
      javac.getTask(null, null, diagnostics, options, null, files).call();
    } finally {
      deleteTree(out);
    }
    List<Diag> result = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      String name = d.getSource() == null ? "" : Path.of(d.getSource().toUri().getPath()).getFileName().toString();
      result.add(new Diag(d.getKind(), name, d.getLineNumber(), d.getMessage(Locale.ROOT)));
    }
    return result;
  }

  /**
   * Deletes {@code root} and everything below it: a compile's class files, never read (thousands
   * of compiles would leave a folder each), or a build's output a test starts again without.
   */
  static void deleteTree(Path root) {
    try (var walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String path, String text) {
      super(URI.create("string:///" + path), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
