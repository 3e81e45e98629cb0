package dev.lockdep.checker.report;

import dev.lockdep.checker.LockdepOptions;
import dev.lockdep.checker.LockdepReport;
import dev.lockdep.lockgraph.LockGraph;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Writes the files the {@code Sarif=}, {@code Graph=} and {@code WriteBaseline=} options ask for, and reads {@code Baseline=}. */
public final class ReportFiles {
  private ReportFiles() {}

  /**
   * Writes the requested files from the compilation's findings and lock graph (computed only when
   * a graph is asked for). Returns one message per file that could not be written, naming it;
   * nothing here throws, so a bad path never crashes javac.
   */
  public static List<String> write(
      LockdepOptions options, List<LockdepReport> reports, Baseline baseline, Supplier<LockGraph> graph) {
    List<String> problems = new ArrayList<>();
    options.sarif().ifPresent(
        file -> write(file, "SARIF", () -> SarifWriter.write(reports, options.severity(), baseline), problems));
    options.graph().ifPresent(file -> write(file, "graph", () -> render(file, LockGraphView.of(graph.get(), reports)), problems));
    options.writeBaseline().ifPresent(file -> write(file, "baseline", () -> Baseline.write(reports), problems));
    return problems;
  }

  /**
   * The baseline {@code options} name, or {@link Baseline#NONE}; one that cannot be read is added
   * to {@code problems} and none is used, so that every finding fails the build rather than none.
   */
  public static Baseline baseline(LockdepOptions options, List<String> problems) {
    if (options.baseline().isEmpty()) {
      return Baseline.NONE;
    }
    try {
      return Baseline.read(options.baseline().get());
    } catch (IOException e) {
      problems.add(e.getMessage());
      return Baseline.NONE;
    }
  }

  /** DOT or Mermaid, by the file's extension (the options accept no other). */
  static String render(Path file, LockGraphView view) {
    return file.toString().endsWith(".mmd") ? MermaidGraph.render(view) : DotGraph.render(view);
  }

  private static void write(Path file, String what, Supplier<String> content, List<String> problems) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, content.get(), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      problems.add("cannot write the " + what + " file " + file + ": " + reason(e));
    }
  }

  private static String reason(Exception e) {
    // NoSuchFileException and friends carry only the path as their message.
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
  }
}
