package dev.lockdep.checker.cli;

import com.sun.source.util.JavacTask;
import dev.lockdep.annotations.LockClass;
import dev.lockdep.checker.LockdepCheck;
import dev.lockdep.checker.InvalidOptionException;
import dev.lockdep.checker.LockdepFactsProcessor;
import dev.lockdep.checker.LockdepOptions;
import dev.lockdep.checker.LockdepSession;
import dev.lockdep.checker.report.Baseline;
import dev.lockdep.lockgraph.CheckKind;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * {@code java -jar lockdep-checker-<version>-cli.jar [options] PATH...}: LockdepCheck over sources,
 * with no build change. Exit 0: no findings; 1: findings; 2: a usage error, or sources that do not
 * compile (javac's own errors are printed).
 */
public final class LockdepCli {
  static final int OK = 0;
  static final int FINDINGS = 1;
  static final int USAGE = 2;

  private static final String USAGE_TEXT =
      "usage: java -jar lockdep-checker-cli.jar [--classpath CP] [--models FILE[,FILE]]"
          + " [--sarif FILE] [--graph FILE.dot|FILE.mmd] [--severity ERROR|WARN] [--disable CHECK[,CHECK]]"
          + " [--prime-fence-reclaim true|false] [--show-skipped-models true|false] [--baseline FILE]"
          + " [--write-baseline FILE] PATH...\n"
          + "  PATH: .java files or directories searched for them\n"
          + "  every option of the javac plugin, Name=value, is --name value here (SomeName: --some-name)\n"
          + "  exit: 0 no findings, 1 findings, 2 usage error or sources that do not compile";

  /** javac's -Xmaxerrs and -Xmaxwarns: every finding is printed, as errors or as warnings. */
  private static final String UNLIMITED = String.valueOf(Integer.MAX_VALUE);

  private LockdepCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Invocation invocation;
    try {
      invocation = Invocation.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("lockdep: " + e.getMessage());
      err.println(USAGE_TEXT);
      return USAGE;
    }
    if (invocation.help) {
      out.println(USAGE_TEXT);
      return OK;
    }
    List<Path> sources;
    try {
      sources = javaFiles(invocation.paths);
    } catch (IOException | IllegalArgumentException e) {
      err.println("lockdep: " + e.getMessage());
      return USAGE;
    }
    if (sources.isEmpty()) {
      err.println("lockdep: no .java files under " + invocation.paths);
      return USAGE;
    }
    for (String entry : missing(invocation.classpath)) {
      err.println("lockdep: warning: class path entry " + entry + " does not exist");
    }
    return compile(invocation, sources, out, err);
  }

  private static int compile(Invocation invocation, List<Path> sources, PrintStream out, PrintStream err) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      err.println("lockdep: this Java runtime has no compiler; run it with a JDK");
      return USAGE;
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path scratch = null;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      // The compilation's own summaries go to a scratch class output that is deleted afterwards:
      // the runner changes nothing on disk but the report files it is asked for.
      scratch = Files.createTempDirectory("lockdep-cli");
      // No annotation processing: the plugin reads the libraries' summaries through the file
      // manager made here, and no processor on --classpath runs.
      List<String> options =
          new ArrayList<>(
              List.of(
                  "-XDcompilePolicy=simple", "-proc:none", "-Xmaxerrs", UNLIMITED, "-Xmaxwarns", UNLIMITED, "-d",
                  scratch.toString()));
      options.add("-classpath");
      options.add(classpath(invocation.classpath));
      JavacTask task =
          (JavacTask) javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources));
      new LockdepCheck().init(task, invocation.pluginWords.toArray(new String[0]));
      // The summaries of the jars and directories on --classpath, so cross-module cycles are
      // found here as in a build.
      LockdepCheck.useFileManager(task, files);
      LockdepSession.attach(task).showsEveryWarning();
      // analyze() stops before code generation: no class file is written, even to the scratch dir.
      task.analyze();
    } catch (IOException e) {
      err.println("lockdep: " + e.getMessage());
      return USAGE;
    } catch (IllegalArgumentException e) {
      err.println("lockdep: " + e.getMessage());
      return USAGE;
    }
    deleteRecursively(scratch);
    Map<CheckKind, Integer> perCheck = new EnumMap<>(CheckKind.class);
    int otherErrors = 0;
    int known = 0;
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      out.println(format(d));
      if (d.getMessage(Locale.ROOT).startsWith(Baseline.KNOWN)) {
        known++;
      }
      Optional<CheckKind> check = findingCheck(d);
      if (check.isPresent()) {
        perCheck.merge(check.get(), 1, Integer::sum);
      } else if (d.getKind() == Diagnostic.Kind.ERROR) {
        otherErrors++;
      }
    }
    if (otherErrors > 0) {
      err.printf("lockdep: %d error(s) that are not findings; the sources must compile, the options be valid"
          + " and the output files writable%n", otherErrors);
      return USAGE;
    }
    out.println(summary(perCheck, sources.size()) + (known == 0 ? "" : "; " + known + " known, in the baseline"));
    invocation.sarif.ifPresent(file -> out.println("lockdep: SARIF written to " + file));
    invocation.graph.ifPresent(file -> out.println("lockdep: lock graph written to " + file));
    if (invocation.writeBaseline.isPresent()) {
      // Adopting the checker: every finding is now known, and the next run with --baseline passes.
      out.println("lockdep: baseline of the findings written to " + invocation.writeBaseline.get()
          + "; run with --baseline " + invocation.writeBaseline.get() + " to report only new ones");
      return OK;
    }
    return perCheck.isEmpty() ? OK : FINDINGS;
  }

  private static void deleteRecursively(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
    }
  }

  /** {@code lockdep: 3 finding(s) in 12 file(s): 2 LockOrderInversion, 1 RecursiveLocking} */
  private static String summary(Map<CheckKind, Integer> perCheck, int files) {
    int findings = perCheck.values().stream().mapToInt(Integer::intValue).sum();
    String counts =
        perCheck.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    return String.format("lockdep: %d finding(s) in %d file(s)%s", findings, files, counts.isEmpty() ? "" : ": " + counts);
  }

  /** The entries of {@code classpath} that name nothing: a misspelt jar would hide a library's summaries. */
  static List<String> missing(String classpath) {
    List<String> missing = new ArrayList<>();
    if (classpath != null) {
      for (String entry : classpath.split(File.pathSeparator)) {
        if (!entry.isEmpty() && !Files.exists(Path.of(entry))) {
          missing.add(entry);
        }
      }
    }
    return missing;
  }

  private static String classpath(String given) {
    // The annotations travel with the runner (inside the cli jar), so sources that use them compile
    // without a classpath.
    String annotations = codeSource(LockClass.class);
    return given == null || given.isEmpty() ? annotations : given + File.pathSeparator + annotations;
  }

  private static String codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException("cannot locate " + type.getName(), e);
    }
  }

  /**
   * The check of a LockdepCheck finding: an error or warning that starts with the check's name in
   * brackets, as Error Prone's do (the notes at a finding's other sites do not).
   */
  private static Optional<CheckKind> findingCheck(Diagnostic<? extends JavaFileObject> d) {
    if (d.getKind() == Diagnostic.Kind.NOTE || d.getKind() == Diagnostic.Kind.OTHER) {
      return Optional.empty();
    }
    String message = d.getMessage(Locale.ROOT);
    for (CheckKind check : CheckKind.values()) {
      if (message.startsWith("[" + check.name() + "]")) {
        return Optional.of(check);
      }
    }
    return Optional.empty();
  }

  static String format(Diagnostic<? extends JavaFileObject> d) {
    String kind = d.getKind() == Diagnostic.Kind.ERROR ? "error" : d.getKind() == Diagnostic.Kind.NOTE ? "note" : "warning";
    String where = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
    return where + kind + ": " + d.getMessage(Locale.ROOT);
  }

  private static List<Path> javaFiles(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          files.addAll(walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).collect(Collectors.toList()));
        }
      } else if (Files.isRegularFile(path) && path.toString().endsWith(".java")) {
        files.add(path);
      } else {
        throw new IllegalArgumentException("not a .java file or a directory: " + path);
      }
    }
    // Sorted, so the run does not depend on the file system's listing order.
    return files.stream().map(Path::normalize).distinct().sorted().collect(Collectors.toList());
  }

  /** The parsed command line. */
  static final class Invocation {
    final List<Path> paths = new ArrayList<>();
    final List<String> pluginWords = new ArrayList<>();
    Optional<String> sarif = Optional.empty();
    Optional<String> graph = Optional.empty();
    Optional<String> writeBaseline = Optional.empty();
    String classpath;
    boolean help;

    static Invocation parse(String[] args) {
      Invocation inv = new Invocation();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "-h":
          case "--help":
            inv.help = true;
            break;
          case "--classpath":
          case "-cp":
            inv.classpath = value(args, ++i, arg);
            break;
          default:
            if (arg.startsWith("-")) {
              LockdepOptions.Name option = option(arg);
              inv.pluginWords.add(option + "=" + value(args, ++i, arg));
            } else {
              inv.paths.add(Path.of(arg));
            }
        }
      }
      if (inv.paths.isEmpty() && !inv.help) {
        throw new IllegalArgumentException("no PATH given");
      }
      LockdepOptions options;
      try {
        options = LockdepOptions.parse(inv.pluginWords);
      } catch (InvalidOptionException e) {
        // The message names the plugin's option (Severity=x), which the usage maps to its flag.
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      inv.sarif = options.sarif().map(Path::toString);
      inv.graph = options.graph().map(Path::toString);
      inv.writeBaseline = options.writeBaseline().map(Path::toString);
      return inv;
    }

    /** The plugin option a flag names: {@code --prime-fence-reclaim} is {@code PrimeFenceReclaim}. */
    private static LockdepOptions.Name option(String flag) {
      for (LockdepOptions.Name name : LockdepOptions.Name.values()) {
        if (flag.equals(flag(name))) {
          return name;
        }
      }
      throw new IllegalArgumentException("unknown option " + flag);
    }

    /** {@code PrimeFenceReclaim} as a flag: {@code --prime-fence-reclaim}. */
    static String flag(LockdepOptions.Name name) {
      return "--" + name.name().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }
  }
}
