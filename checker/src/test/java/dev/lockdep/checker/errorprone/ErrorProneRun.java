package dev.lockdep.checker.errorprone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles files under Error Prone as a user's build runs it: the checks come from the processor
 * path, with the flags Error Prone requires, and no {@code -Xplugin:LockdepCheck}.
 */
final class ErrorProneRun {
  private ErrorProneRun() {}

  /** The diagnostics that start with {@code [check]}, after compiling {@code sources} into {@code out}. */
  static List<Diagnostic<? extends JavaFileObject>> diagnostics(
      List<Path> sources, Path out, String errorProneFlags, String check) throws IOException {
    return diagnostics(sources, out, errorProneFlags).stream()
        .filter(d -> d.getMessage(Locale.ROOT).startsWith("[" + check + "]"))
        .toList();
  }

  /** Every diagnostic of compiling {@code sources} into {@code out}. */
  static List<Diagnostic<? extends JavaFileObject>> diagnostics(List<Path> sources, Path out, String errorProneFlags)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options =
        List.of(
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            "-XDaddTypeAnnotationsToSymbol=true",
            "-processorpath", System.getProperty("java.class.path"),
            "-d", Files.createDirectories(out).toString(),
            "-Xplugin:ErrorProne -XepDisableAllChecks " + errorProneFlags);
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
    }
    return diagnostics.getDiagnostics().stream().<Diagnostic<? extends JavaFileObject>>map(d -> d).toList();
  }
}
