package dev.lockdep.checker.analysis;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Trees;
import dev.lockdep.checker.models.Models;
import dev.lockdep.lockgraph.program.MethodSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** Runs the front end alone over sources compiled in memory, for tests of what it records. */
final class FrontEnd {
  private FrontEnd() {}

  /** The summary of each unit of {@code sources} (path -> text), in the order given. */
  static List<UnitSummary> analyze(Map<String, String> sources) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavacTask task = task(sources, diagnostics);
    try {
      Iterable<? extends CompilationUnitTree> units = task.parse();
      task.analyze();
      if (!diagnostics.getDiagnostics().isEmpty()) {
        throw new AssertionError("sources do not compile: " + diagnostics.getDiagnostics());
      }
      List<UnitSummary> summaries = new ArrayList<>();
      ElementLookups lookups = new ElementLookups(task.getElements(), task.getTypes(), Models.NONE);
      for (CompilationUnitTree unit : units) {
        summaries.add(UnitAnalyzer.analyze(unit, Trees.instance(task), task.getElements(), lookups));
      }
      return summaries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A javac task over {@code sources} (path -> text), the test class path on its class path, not yet run. */
  static JavacTask task(Map<String, String> sources, DiagnosticCollector<JavaFileObject> diagnostics) {
    List<JavaFileObject> files = new ArrayList<>();
    sources.forEach(
        (path, text) ->
            files.add(
                new SimpleJavaFileObject(URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
                  @Override
                  public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                  }
                }));
    return (JavacTask)
        ToolProvider.getSystemJavaCompiler()
            .getTask(null, null, diagnostics, List.of("-classpath", System.getProperty("java.class.path"), "-proc:none"), null, files);
  }

  static UnitSummary analyzeOne(String path, String source) {
    return analyze(Map.of(path, source)).get(0);
  }

  static MethodSummary method(UnitSummary unit, String name) {
    return unit.methods().stream()
        .filter(m -> m.method().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no method " + name + " in " + unit.methods().stream().map(MethodSummary::method).toList()));
  }
}
