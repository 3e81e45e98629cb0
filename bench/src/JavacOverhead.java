import com.sun.source.util.JavacTask;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Measures what {@code -Xplugin:LockdepCheck} adds to plain javac on real projects.
 *
 * <p>The parent process ({@code main} without {@code --child}) reads the corpus, lists each
 * project's sources and starts child JVMs, all with the same JVM flags:
 *
 * <ul>
 *   <li>one <em>timing</em> child per project: warm-up compilations, then N compilations of every
 *       {@link Mode} alternating in ABBA order, in one warmed JVM, so all modes see the same JIT
 *       state, heap and file cache and none always runs first;
 *   <li><em>cold</em> children, one compilation each, alternating the {@link #COLD_MODES} in ABBA order:
 *       a fresh JVM's time is that of a one-off {@code javac} run, and its peak RSS is that
 *       compilation's alone, unmixed with the other mode's garbage.
 * </ul>
 *
 * <p>Every compilation is in-process through {@code javax.tools}, with a fresh file manager and a
 * fresh output directory, and the same options in both modes, annotation processing on; the
 * processor path is an empty directory in plain mode and the checker jar in plugin mode, which
 * also adds {@code -Xplugin:LockdepCheck Severity=WARN} ({@link Mode} has the diagnosis modes).
 */
public final class JavacOverhead {

  static final List<String> CHECKS =
      List.of(
          "LockOrderInversion",
          "RecursiveLocking",
          "IrqSafeToUnsafe",
          "InconsistentLockState",
          "SleepInAtomicContext",
          "UnbalancedUnlock",
          "LockdepAnnotationMisuse");

  /**
   * JVM flags of every child; identical for all modes. The exports change nothing for javac; they
   * open its file manager to the plugin, which {@link Mode#pluginProcNone} needs.
   */
  static final List<String> CHILD_JVM =
      List.of(
          "-Xmx6g", "-Xss8m", "-XX:+UseG1GC",
          "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED");

  /** The plain mode's processor path: no processor. */
  static final Path EMPTY_PROCESSOR_PATH = emptyDirectory();

  static Path emptyDirectory() {
    try {
      Path empty = Files.createTempDirectory("javac-overhead-no-processors-");
      empty.toFile().deleteOnExit();
      return empty;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The processor path of {@link Mode#plainWithProcessor}: {@link DoNothingProcessor}, copied
   * from the driver's class path with a service entry, so javac discovers it as it discovers
   * the plugin's.
   */
  static Path doNothingProcessorPath() throws IOException {
    Path dir = Files.createTempDirectory("javac-overhead-do-nothing-processor-");
    Path services = dir.resolve("META-INF/services/javax.annotation.processing.Processor");
    String classFile = DoNothingProcessor.class.getName() + ".class";
    // deleteOnExit deletes in the reverse order of registration: files before their directories.
    for (Path p : List.of(dir, services.getParent().getParent(), services.getParent(), services, dir.resolve(classFile))) {
      p.toFile().deleteOnExit();
    }
    try (java.io.InputStream in = DoNothingProcessor.class.getResourceAsStream("/" + classFile)) {
      Files.copy(in, dir.resolve(classFile));
    }
    Files.createDirectories(services.getParent());
    Files.writeString(services, DoNothingProcessor.class.getName() + "\n");
    return dir;
  }

  /** Claims nothing and generates nothing; its presence alone turns javac's processing rounds on. */
  public static final class DoNothingProcessor extends javax.annotation.processing.AbstractProcessor {
    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public javax.lang.model.SourceVersion getSupportedSourceVersion() {
      return javax.lang.model.SourceVersion.latestSupported();
    }

    @Override
    public boolean process(
        Set<? extends javax.lang.model.element.TypeElement> annotations,
        javax.annotation.processing.RoundEnvironment round) {
      return false;
    }
  }

  /** Minimum warm-up time per timing child (when warm-up is on at all). */
  static final int WARMUP_SECONDS = 20;

  /** Minimum measuring time per timing child; see {@link Child#main}. */
  static final int MEASURE_SECONDS = 40;

  enum Mode {
    plain,
    /**
     * Plain javac with a processor that does nothing on the processor path: what javac itself
     * spends on annotation processing once any processor is present (a second round that enters
     * every class again, end positions and comments kept while parsing). The plugin's processor,
     * needed for the summaries files, makes javac pay it too.
     */
    plainWithProcessor,
    plugin,
    /**
     * The plugin with its classes kept in one class loader across the child's compilations: what
     * its work costs once the JIT has compiled its code. javac itself gives the plugin a fresh
     * class loader in every compilation ({@link #plugin}); the difference between the two is
     * what running its code cold costs.
     */
    pluginWarm,
    /**
     * The plugin with {@code -proc:none}, in a JVM that exports javac's internals to it: javac runs
     * no processing rounds, and the summaries go through javac's file manager instead of the
     * processor's Filer. The same findings and the same output as {@link #plugin}.
     */
    pluginProcNone;

    boolean runsPlugin() {
      return this == plugin || this == pluginWarm || this == pluginProcNone;
    }
  }

  /** The modes of the cold runs: a fresh JVM has no warm plugin classes to keep. */
  static final Mode[] COLD_MODES = {Mode.plain, Mode.plugin, Mode.pluginProcNone};

  /** The plugin's classes for {@link Mode#pluginWarm}, loaded once per child JVM. */
  static PluginLoader warmPluginLoader;

  static synchronized PluginLoader warmPluginLoader(String pluginJar) throws IOException {
    if (warmPluginLoader == null) {
      warmPluginLoader = new PluginLoader(pluginJar);
    }
    return warmPluginLoader;
  }

  /** A class loader of the plugin's jar, as javac makes one, that remembers which classes it defined. */
  static final class PluginLoader extends java.net.URLClassLoader {
    final List<String> defined = java.util.Collections.synchronizedList(new ArrayList<>());

    PluginLoader(String pluginJar) throws IOException {
      super(new java.net.URL[] {Paths.get(pluginJar).toUri().toURL()}, JavacOverhead.class.getClassLoader());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      Class<?> found = super.findClass(name);
      defined.add(name);
      return found;
    }
  }

  /**
   * Median nanoseconds to load and initialise {@code classes} from a fresh loader of the plugin's
   * jar: what javac's fresh class loader costs every compilation before the plugin does any work.
   * The JVM is warm by then, so this is the least that cost can be.
   */
  static long classLoadingNanos(String pluginJar, List<String> classes) throws IOException {
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      System.gc();
      long start = System.nanoTime();
      try (PluginLoader loader = new PluginLoader(pluginJar)) {
        for (String name : classes) {
          try {
            Class.forName(name, true, loader);
          } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("plugin class " + name + " does not load on its own", e);
          }
        }
      }
      nanos.add(System.nanoTime() - start);
    }
    return Math.round(Parent.median(nanos));
  }

  /** A file manager whose processor class loader is the shared one (javac closes what it gets, hence a child). */
  static JavaFileManager withWarmPlugin(StandardJavaFileManager files, ClassLoader shared) {
    return new ForwardingJavaFileManager<JavaFileManager>(files) {
      @Override
      public ClassLoader getClassLoader(Location location) {
        return location == StandardLocation.ANNOTATION_PROCESSOR_PATH ? new ClassLoader(shared) {} : super.getClassLoader(location);
      }
    };
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      Child.main(Arrays.copyOfRange(args, 1, args.length));
    } else {
      Parent.main(args);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Corpus

  /** One corpus line: the coordinate and its per-project keys. */
  record Project(String coordinate, String artifact, List<String> excludes, List<String> javacOpts) {
    static Project parse(String line) {
      String[] words = line.trim().split("\\s+");
      List<String> excludes = new ArrayList<>(List.of("module-info.java", "META-INF/**"));
      List<String> opts = new ArrayList<>();
      for (int i = 1; i < words.length; i++) {
        if (words[i].startsWith("exclude=")) {
          excludes.add(words[i].substring("exclude=".length()));
        } else if (words[i].startsWith("javacopt=")) {
          opts.add(words[i].substring("javacopt=".length()));
        }
      }
      return new Project(words[0], words[0].split(":")[1], excludes, opts);
    }
  }

  static List<Project> readCorpus(Path corpus) throws IOException {
    List<Project> projects = new ArrayList<>();
    for (String line : Files.readAllLines(corpus)) {
      String content = line.replaceAll("#.*", "").trim();
      if (!content.isEmpty()) {
        projects.add(Project.parse(content));
      }
    }
    return projects;
  }

  /** The .java files of the unpacked sources jar that the project compiles, sorted. */
  static List<Path> sources(Path src, List<String> excludes) throws IOException {
    List<PathMatcher> matchers =
        excludes.stream()
            .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
            .collect(Collectors.toList());
    try (Stream<Path> walk = Files.walk(src)) {
      return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
          .filter(p -> matchers.stream().noneMatch(m -> m.matches(src.relativize(p))))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /** Lines that are neither blank nor only comment punctuation: a rough but stable LOC. */
  static long linesOfCode(List<Path> files) throws IOException {
    long loc = 0;
    for (Path file : files) {
      for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
        String t = line.trim();
        if (!t.isEmpty() && !t.startsWith("//") && !t.startsWith("/*") && !t.startsWith("*")) {
          loc++;
        }
      }
    }
    return loc;
  }

  // ---------------------------------------------------------------------------------------------
  // One compilation

  /** What one compilation reported. */
  static final class Outcome {
    long nanos;
    long cpuNanos;
    boolean success;
    final Map<String, Integer> findings = new TreeMap<>();
    int internalErrors;
    int javacErrors;
    final List<String> firstErrors = new ArrayList<>();
    long retainedHeapBytes = -1;
  }

  /** Sorts diagnostics into findings, the plugin's own errors and javac's errors. */
  static final class Classifier implements DiagnosticListener<JavaFileObject> {
    final Outcome outcome;

    Classifier(Outcome outcome) {
      this.outcome = outcome;
    }

    @Override
    public void report(Diagnostic<? extends JavaFileObject> d) {
      String message = d.getMessage(Locale.ROOT);
      for (String check : CHECKS) {
        if (message.startsWith("[" + check)) {
          outcome.findings.merge(check, 1, Integer::sum);
          return;
        }
      }
      if (message.startsWith("[LockdepCheck]")) {
        outcome.internalErrors++;
        remember(d, message);
      } else if (d.getKind() == Diagnostic.Kind.ERROR) {
        outcome.javacErrors++;
        remember(d, message);
      }
    }

    private void remember(Diagnostic<? extends JavaFileObject> d, String message) {
      if (outcome.firstErrors.size() < 5) {
        // Paths relative to the unpacked sources, so the table does not show this machine's layout.
        String where = d.getSource() == null ? ""
            : d.getSource().getName().replaceFirst(".*/work/[^/]+/src/", "") + ":" + d.getLineNumber() + ": ";
        outcome.firstErrors.add(where + message.lines().findFirst().orElse(""));
      }
    }
  }

  static Outcome compile(Mode mode, Inputs in, boolean measureRetained) throws IOException {
    Outcome outcome = new Outcome();
    Path out = Files.createTempDirectory("javac-overhead-");
    try {
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      Classifier listener = new Classifier(outcome);
      try (StandardJavaFileManager files =
          javac.getStandardFileManager(listener, Locale.ROOT, StandardCharsets.UTF_8)) {
        List<String> options = new ArrayList<>();
        options.addAll(List.of("-d", out.toString(), "-encoding", "UTF-8"));
        if (!in.classpath.isEmpty()) {
          options.addAll(List.of("-classpath", in.classpath));
        }
        // -XDcompilePolicy=simple is what the plugin documents; the caps keep javac from dropping
        // diagnostics.
        options.addAll(List.of("-XDcompilePolicy=simple", "-Xmaxerrs", "1000000", "-Xmaxwarns", "1000000"));
        options.addAll(in.javacOpts);
        if (mode.runsPlugin()) {
          // The checker's processor runs too: it reads the summaries of the class path and writes
          // the compilation's own. Severity=WARN: as errors, findings would stop javac before it
          // writes class files, and the plugin run would do less work than the plain one.
          options.addAll(List.of("-processorpath", in.pluginJar, "-Xplugin:LockdepCheck Severity=WARN"));
          if (mode == Mode.pluginProcNone) {
            options.add("-proc:none");
          }
        } else if (mode == Mode.plainWithProcessor) {
          options.addAll(List.of("-processorpath", in.doNothingProcessorPath.toString()));
        } else {
          // Annotation processing on, as in a build, with no processor to find: an explicit empty
          // path, so that processors on a project's class path do not run in one mode only.
          options.addAll(List.of("-processorpath", EMPTY_PROCESSOR_PATH.toString()));
        }
        Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(in.sources);
        JavaFileManager manager = mode == Mode.pluginWarm ? withWarmPlugin(files, warmPluginLoader(in.pluginJar)) : files;
        JavacTask task =
            (JavacTask) javac.getTask(new PrintWriter(Writer.nullWriter()), manager, listener, options, null, units);
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        outcome.success = task.call();
        outcome.nanos = System.nanoTime() - start;
        outcome.cpuNanos = processCpuNanos() - cpuStart;
        if (measureRetained) {
          // Heap still reachable from the finished task: javac's trees and symbols, plus whatever
          // the plugin's session keeps (it is held by the task).
          outcome.retainedHeapBytes = usedHeapAfterGc();
        }
        java.lang.ref.Reference.reachabilityFence(task);
      }
    } finally {
      deleteTree(out);
    }
    return outcome;
  }

  /**
   * CPU time of the whole JVM (javac's thread, GC and JIT threads): less disturbed than wall time
   * when other processes compete for the cores, and it counts the GC work the plugin's allocations
   * cause.
   */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static Mode[] reversed(Mode[] modes) {
    Mode[] reversed = new Mode[modes.length];
    for (int i = 0; i < modes.length; i++) {
      reversed[i] = modes[modes.length - 1 - i];
    }
    return reversed;
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** What a child compiles, read from the files the parent wrote. */
  record Inputs(List<Path> sources, String classpath, List<String> javacOpts, String pluginJar, Path doNothingProcessorPath) {}

  // ---------------------------------------------------------------------------------------------
  // Child JVM: prints "key value" lines for the parent

  static final class Child {
    static void main(String[] args) throws Exception {
      // args: time|cold <projectDir> <pluginJar> <runs|mode> <warmup> [javacopt ...]
      String what = args[0];
      Path dir = Paths.get(args[1]);
      List<Path> sources =
          Files.readAllLines(dir.resolve("sources.txt")).stream().map(Paths::get).collect(Collectors.toList());
      String classpath = Files.readString(dir.resolve("classpath.txt")).trim();
      List<String> opts = List.of(args).subList(5, args.length);
      Inputs in = new Inputs(sources, classpath, opts, args[2], doNothingProcessorPath());
      if (what.equals("cold")) {
        Outcome o = compile(Mode.valueOf(args[3]), in, true);
        report("run", Mode.valueOf(args[3]), o);
        System.out.println("retained " + o.retainedHeapBytes);
        System.out.println("peakrss " + peakRssBytes());
        return;
      }
      int runs = Integer.parseInt(args[3]);
      int warmup = Integer.parseInt(args[4]);
      // Warm-up: at least `warmup` rounds, and small projects keep going until about
      // WARMUP_SECONDS of compiling have passed, since a one-second compile is not warm after two.
      long warmStart = System.nanoTime();
      for (int i = 0;
          i < warmup || (warmup > 0 && i < 30 && System.nanoTime() - warmStart < WARMUP_SECONDS * 1_000_000_000L);
          i++) {
        for (Mode mode : Mode.values()) {
          System.gc();
          report("warmup", mode, compile(mode, in, false));
        }
      }
      // At least `runs` rounds; small projects go on (in whole ABBA pairs, up to 6x) until about
      // MEASURE_SECONDS have passed, since a median of five one-second runs on a busy machine is noise.
      long measureStart = System.nanoTime();
      for (int i = 0;
          i < runs
              || (i < 6 * runs
                  && (i % 2 == 1 || System.nanoTime() - measureStart < MEASURE_SECONDS * 1_000_000_000L));
          i++) {
        // ABBA: plain first on even rounds, last on odd ones.
        Mode[] order = i % 2 == 0 ? Mode.values() : reversed(Mode.values());
        for (Mode mode : order) {
          System.gc(); // each compilation starts from a collected heap, not the previous one's garbage
          report("run", mode, compile(mode, in, false));
        }
      }
      if (warmPluginLoader != null) {
        List<String> classes = List.copyOf(warmPluginLoader.defined);
        System.out.println("classload " + classLoadingNanos(in.pluginJar, classes) + " " + classes.size());
      }
    }

    static void report(String kind, Mode mode, Outcome o) {
      StringBuilder line = new StringBuilder();
      line.append(kind).append(' ').append(mode).append(' ').append(o.nanos)
          .append(" cpu=").append(o.cpuNanos)
          .append(" success=").append(o.success)
          .append(" javacErrors=").append(o.javacErrors)
          .append(" internalErrors=").append(o.internalErrors);
      o.findings.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
      System.out.println(line);
      for (String e : o.firstErrors) {
        System.out.println("error " + mode + " " + e);
      }
    }

    /** Peak resident set size of this JVM (VmHWM): what {@code /usr/bin/time -f %M} reports. */
    static long peakRssBytes() throws IOException {
      for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
      return -1;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Parent: runs the children and prints the table

  static final class Parent {
    /** Parsed child output for one mode. */
    static final class ModeResult {
      final List<Long> nanos = new ArrayList<>();
      final List<Long> cpuNanos = new ArrayList<>();
      Map<String, Integer> findings = new TreeMap<>();
      int javacErrors;
      int internalErrors;
      final List<String> errors = new ArrayList<>();
      /** One-compilation fresh JVMs: wall time, peak RSS, retained heap. */
      final List<Long> coldNanos = new ArrayList<>();
      final List<Long> peakRss = new ArrayList<>();
      final List<Long> retained = new ArrayList<>();

      int findingCount() {
        return findings.values().stream().mapToInt(Integer::intValue).sum();
      }
    }

    static final class Row {
      Project project;
      int files;
      long loc;
      final Map<Mode, ModeResult> modes = new LinkedHashMap<>();
      String failure;
      /** Loading the classes a compilation needs from a fresh loader of the plugin's jar, warm JVM. */
      long classLoadNanos = -1;
      int classCount;
    }

    static void main(String[] args) throws Exception {
      int runs = 5;
      int warmup = 2;
      int cold = 3;
      Path bench = Paths.get("bench");
      Path out = null;
      String jar = null;
      String jarBuilt = "?";
      boolean check = false; // one plain compilation per project, to see that the corpus compiles
      List<String> names = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--runs" -> runs = Integer.parseInt(args[++i]);
          case "--warmup" -> warmup = Integer.parseInt(args[++i]);
          case "--cold" -> cold = Integer.parseInt(args[++i]);
          case "--bench" -> bench = Paths.get(args[++i]);
          case "--jar" -> jar = args[++i];
          case "--jar-built" -> jarBuilt = args[++i];
          case "--out" -> out = Paths.get(args[++i]);
          case "--check" -> check = true;
          default -> names.add(args[i]);
        }
      }
      if (jar == null) {
        throw new IllegalArgumentException("--jar <lockdep-checker cli jar> is required");
      }
      List<Project> projects = new ArrayList<>();
      for (Project p : readCorpus(bench.resolve("corpus.txt"))) {
        if (names.isEmpty() || names.contains(p.artifact())) {
          projects.add(p);
        }
      }
      List<Row> rows = new ArrayList<>();
      boolean harnessBug = false;
      String loadBefore = loadAverage();
      for (Project p : projects) {
        Row row = measure(bench, p, jar, runs, warmup, cold, check);
        rows.add(row);
        ModeResult plain = row.modes.get(Mode.plain);
        if (row.failure == null && plain != null && plain.javacErrors > 0) {
          harnessBug = true;
          System.err.println("HARNESS BUG: " + p.artifact() + " does not compile with plain javac:");
          plain.errors.forEach(e -> System.err.println("  " + e));
        }
        ModeResult plugin = row.modes.get(Mode.plugin);
        if (!check && plain != null && plugin.javacErrors > plain.javacErrors) {
          // Not a harness bug but the plugin's: e.g. "plug-in not found", or it crashed javac.
          System.err.println("PLUGIN RUN FAILED: " + p.artifact() + " has javac errors only with the plugin:");
          plugin.errors.forEach(e -> System.err.println("  " + e));
        }
        ModeResult procNone = row.modes.get(Mode.pluginProcNone);
        if (!check && procNone != null && !procNone.findings.equals(plugin.findings)) {
          harnessBug = true;
          System.err.println("PLUGIN RUNS DIFFER: " + p.artifact() + ": " + plugin.findings + " with processing, "
              + procNone.findings + " with -proc:none");
        }
        if (row.failure != null) {
          harnessBug = true;
          System.err.println("HARNESS BUG: " + p.artifact() + ": " + row.failure);
        }
      }
      if (check) {
        System.exit(harnessBug ? 1 : 0);
      }
      String jarId = String.format("plugin jar sha256 %s (built %s)", sha256(Paths.get(jar)).substring(0, 12), jarBuilt);
      String table = table(rows, runs, warmup, cold, loadBefore, loadAverage(), jarId);
      System.out.print(table);
      if (out != null) {
        Files.writeString(out, table);
      }
      if (harnessBug) {
        System.exit(1);
      }
    }

    static Row measure(Path bench, Project p, String jar, int runs, int warmup, int cold, boolean check)
        throws Exception {
      Row row = new Row();
      row.project = p;
      Path dir = bench.resolve("work").resolve(p.artifact()).toAbsolutePath();
      List<Path> files = sources(dir.resolve("src"), p.excludes());
      row.files = files.size();
      row.loc = linesOfCode(files);
      Files.write(dir.resolve("sources.txt"), files.stream().map(Path::toString).collect(Collectors.toList()));
      Files.deleteIfExists(dir.resolve("child.log")); // holds this measurement's raw output only
      System.err.printf("bench: %s: %d files, %d LOC: %s%n", p.artifact(), row.files, row.loc,
          check ? "one plain compilation" : "timing, at least " + warmup + "+" + runs + " runs per mode");
      for (Mode m : Mode.values()) {
        row.modes.put(m, new ModeResult());
      }
      List<String> common = new ArrayList<>(List.of(dir.toString(), jar));
      if (check) {
        child(dir, "cold", common, List.of(Mode.plain.name(), "0"), p, row);
        ModeResult plain = row.modes.get(Mode.plain);
        System.err.printf("check: %s: %d javac errors%n", p.artifact(), plain.javacErrors);
        plain.errors.forEach(e -> System.err.println("  " + e));
        return row;
      }
      if (!child(dir, "time", common, List.of(String.valueOf(runs), String.valueOf(warmup)), p, row)) {
        row.failure = "timing child failed, see " + dir.resolve("child.log");
        return row;
      }
      System.err.printf("bench: %s: %d cold runs per mode%n", p.artifact(), cold);
      for (int i = 0; i < cold; i++) {
        Mode[] order = i % 2 == 0 ? COLD_MODES : reversed(COLD_MODES);
        for (Mode m : order) {
          if (!child(dir, "cold", common, List.of(m.name(), "0"), p, row)) {
            row.failure = "cold child failed, see " + dir.resolve("child.log");
          }
        }
      }
      return row;
    }

    /** Runs one child JVM, appending its output to child.log and folding it into {@code row}. */
    static boolean child(Path dir, String what, List<String> common, List<String> tail, Project p, Row row)
        throws Exception {
      List<String> cmd = new ArrayList<>();
      cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
      cmd.addAll(CHILD_JVM);
      cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), JavacOverhead.class.getName(), "--child", what));
      cmd.addAll(common);
      cmd.addAll(tail);
      cmd.addAll(p.javacOpts());
      Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      List<String> lines = new ArrayList<>();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          lines.add(line);
        }
      }
      int rc = proc.waitFor();
      Files.write(dir.resolve("child.log"), lines, StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      Mode coldMode = what.equals("cold") ? Mode.valueOf(tail.get(0)) : null;
      for (String line : lines) {
        String[] w = line.split(" ");
        switch (w[0]) {
          case "run" -> {
            ModeResult m = row.modes.get(Mode.valueOf(w[1]));
            (coldMode == null ? m.nanos : m.coldNanos).add(Long.parseLong(w[2]));
            // Every run of a mode compiles the same code: keep the last run's counts.
            Map<String, Integer> findings = new TreeMap<>();
            for (int i = 3; i < w.length; i++) {
              String[] kv = w[i].split("=", 2);
              switch (kv[0]) {
                case "success" -> {}
                case "cpu" -> {
                  if (coldMode == null) {
                    m.cpuNanos.add(Long.parseLong(kv[1]));
                  }
                }
                case "javacErrors" -> m.javacErrors = Integer.parseInt(kv[1]);
                case "internalErrors" -> m.internalErrors = Integer.parseInt(kv[1]);
                default -> findings.put(kv[0], Integer.parseInt(kv[1]));
              }
            }
            m.findings = findings;
            m.errors.clear(); // the error lines that follow belong to this run
          }
          case "error" -> {
            ModeResult m = row.modes.get(Mode.valueOf(w[1]));
            if (m.errors.size() < 5) {
              m.errors.add(line.substring(w[0].length() + w[1].length() + 2));
            }
          }
          case "retained" -> row.modes.get(coldMode).retained.add(Long.parseLong(w[1]));
          case "peakrss" -> row.modes.get(coldMode).peakRss.add(Long.parseLong(w[1]));
          case "classload" -> {
            row.classLoadNanos = Long.parseLong(w[1]);
            row.classCount = Integer.parseInt(w[2]);
          }
          default -> {}
        }
      }
      if (rc != 0) {
        System.err.println("bench: child exited " + rc + "; last lines:");
        lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> System.err.println("  " + l));
      }
      return rc == 0;
    }

    static double median(List<Long> values) {
      if (values.isEmpty()) {
        return Double.NaN;
      }
      List<Long> s = new ArrayList<>(values);
      s.sort(null);
      int n = s.size();
      return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0;
    }

    static double medianSeconds(List<Long> nanos) {
      return median(nanos) / 1e9;
    }

    /** The median of {@code bytes} in MB. */
    static String mb(List<Long> bytes) {
      return bytes.isEmpty() || bytes.contains(-1L) ? "?" : String.valueOf(Math.round(median(bytes) / 1048576.0));
    }

    /** The 1, 5 and 15 minute load averages: other processes' share of the cores during the run. */
    static String loadAverage() {
      try {
        String[] w = Files.readString(Paths.get("/proc/loadavg")).split(" ");
        return w[0] + " " + w[1] + " " + w[2];
      } catch (IOException e) {
        return "?";
      }
    }

    static String sha256(Path file) throws Exception {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
      StringBuilder hex = new StringBuilder();
      for (byte b : digest) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    }

    static String table(
        List<Row> rows, int runs, int warmup, int cold, String loadBefore, String loadAfter, String jarId) {
      StringBuilder t = new StringBuilder();
      t.append(String.format(Locale.ROOT,
          "JDK %s (%s), %d cores, %d GiB max heap per child JVM; warm: %s + at least %d "
              + "measured compilations per mode (%d s) in one JVM, alternating ABBA; cold: %d fresh JVMs per mode, "
              + "one compilation each, alternating ABBA; times, memory and ratios are medians. Load average before / after: %s / %s. %s.%n%n",
          System.getProperty("java.version"), System.getProperty("java.vm.name"),
          Runtime.getRuntime().availableProcessors(), 6,
          warmup == 0 ? "no warm-up" : "at least " + warmup + " warm-up rounds (" + WARMUP_SECONDS + " s)", runs, MEASURE_SECONDS,
          cold, loadBefore, loadAfter, jarId));
      t.append("| project | files | LOC | runs | plain (s) | plugin (s) | ratio | ratio of fastest | CPU ratio "
          + "| plugin, code kept warm (s) | its ratio | plain with a do-nothing processor (s) | its ratio | plugin, -proc:none (s) | its ratio "
          + "| cold plain / plugin / -proc:none (s) | cold ratio | -proc:none cold ratio | peak RSS plain / plugin (MB) "
          + "| retained heap plain / plugin (MB) | plugin classes loaded / loading them (ms) / its ratio "
          + "| findings | plugin internal errors | javac errors plain / plugin |\n");
      t.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
      double sumPlain = 0;
      double sumPlugin = 0;
      double logRatios = 0;
      int counted = 0;
      String worst = null;
      double worstRatio = 0;
      String worstCold = null;
      double worstColdRatio = 0;
      String worstProcNone = null;
      double worstProcNoneRatio = 0;
      String worstProcNoneCold = null;
      double worstProcNoneColdRatio = 0;
      StringBuilder details = new StringBuilder();
      for (Row r : rows) {
        ModeResult plain = r.modes.get(Mode.plain);
        ModeResult plugin = r.modes.get(Mode.plugin);
        double a = plain == null ? Double.NaN : medianSeconds(plain.nanos);
        double b = plugin == null ? Double.NaN : medianSeconds(plugin.nanos);
        double ratio = b / a;
        // Other processes only ever add time, so the fastest runs are the least disturbed ones.
        double minRatio = plain == null || plain.nanos.isEmpty() ? Double.NaN
            : (double) java.util.Collections.min(plugin.nanos) / java.util.Collections.min(plain.nanos);
        double cpuRatio = plain == null ? Double.NaN : medianSeconds(plugin.cpuNanos) / medianSeconds(plain.cpuNanos);
        double warmCode = medianSeconds(r.modes.get(Mode.pluginWarm).nanos);
        double withProcessor = medianSeconds(r.modes.get(Mode.plainWithProcessor).nanos);
        double coldA = plain == null ? Double.NaN : medianSeconds(plain.coldNanos);
        double coldB = plugin == null ? Double.NaN : medianSeconds(plugin.coldNanos);
        double coldRatio = coldB / coldA;
        ModeResult procNone = r.modes.get(Mode.pluginProcNone);
        double procNoneS = medianSeconds(procNone.nanos);
        double procNoneCold = medianSeconds(procNone.coldNanos);
        if (procNoneS / a > worstProcNoneRatio) {
          worstProcNoneRatio = procNoneS / a;
          worstProcNone = r.project.artifact();
        }
        if (procNoneCold / coldA > worstProcNoneColdRatio) {
          worstProcNoneColdRatio = procNoneCold / coldA;
          worstProcNoneCold = r.project.artifact();
        }
        if (!Double.isNaN(ratio)) {
          sumPlain += a;
          sumPlugin += b;
          logRatios += Math.log(ratio);
          counted++;
          if (ratio > worstRatio) {
            worstRatio = ratio;
            worst = r.project.artifact();
          }
        }
        if (!Double.isNaN(coldRatio) && coldRatio > worstColdRatio) {
          worstColdRatio = coldRatio;
          worstCold = r.project.artifact();
        }
        String errors = plain == null ? "?" : plain.javacErrors + " / " + plugin.javacErrors;
        if (r.failure != null || (plain != null && plain.javacErrors > 0)) {
          errors = "**" + errors + " (harness bug)**";
        }
        t.append(String.format(Locale.ROOT,
            "| %s | %d | %d | %d | %.2f | %.2f | %.3fx | %.3fx | %.3fx | %.2f | %.3fx | %.2f | %.3fx | %.2f | %.3fx | %.2f / %.2f / %.2f | %.3fx | %.3fx | %s / %s | %s / %s | %s | %d | %d | %s |%n",
            r.project.coordinate(), r.files, r.loc, plain.nanos.size(), a, b, ratio, minRatio, cpuRatio,
            warmCode, warmCode / a, withProcessor, withProcessor / a, procNoneS, procNoneS / a, coldA, coldB, procNoneCold, coldRatio,
            procNoneCold / coldA, mb(plain.peakRss), mb(plugin.peakRss), mb(plain.retained), mb(plugin.retained),
            r.classLoadNanos < 0 ? "?" : String.format(Locale.ROOT, "%d / %.1f / %.3fx", r.classCount, r.classLoadNanos / 1e6,
                1 + r.classLoadNanos / 1e9 / a),
            plugin.findingCount(), plugin.internalErrors, errors));
        if (!plugin.findings.isEmpty() || !plugin.errors.isEmpty()) {
          details.append("- ").append(r.project.artifact()).append(": ").append(plugin.findings);
          plugin.errors.forEach(e -> details.append("\n  - ").append(e));
          details.append('\n');
        }
        if (r.failure != null) {
          details.append("- ").append(r.project.artifact()).append(": ").append(r.failure).append('\n');
        }
      }
      if (counted > 0) {
        t.append(String.format(Locale.ROOT,
            "%nOverall: %.3fx on total median time (%.1f s plain, %.1f s plugin); geometric mean of ratios %.3fx; "
                + "worst ratio %.3fx (%s), worst cold ratio %.3fx (%s); with -proc:none: worst ratio %.3fx (%s), "
                + "worst cold ratio %.3fx (%s). Target: at most 1.10x.%n",
            sumPlugin / sumPlain, sumPlain, sumPlugin, Math.exp(logRatios / counted), worstRatio, worst,
            worstColdRatio, worstCold, worstProcNoneRatio, worstProcNone, worstProcNoneColdRatio, worstProcNoneCold));
      }
      t.append("\nHow cost grows (median milliseconds per 1,000 LOC):\n\n");
      t.append("| project | LOC | plain ms/kLOC | plugin ms/kLOC | extra ms/kLOC |\n|---|--:|--:|--:|--:|\n");
      rows.stream().sorted(Comparator.comparingLong(r -> r.loc)).forEach(r -> {
        double a = medianSeconds(r.modes.get(Mode.plain).nanos) * 1e6 / r.loc;
        double b = medianSeconds(r.modes.get(Mode.plugin).nanos) * 1e6 / r.loc;
        t.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %+.1f |%n", r.project.artifact(), r.loc, a, b, b - a));
      });
      // Least squares through the origin, time = k * LOC: one number per mode for the whole corpus.
      double sxy = 0, sxyPlugin = 0, sxx = 0;
      for (Row r : rows) {
        double plainS = medianSeconds(r.modes.get(Mode.plain).nanos);
        double pluginS = medianSeconds(r.modes.get(Mode.plugin).nanos);
        if (!Double.isNaN(plainS) && !Double.isNaN(pluginS)) {
          sxy += plainS * r.loc;
          sxyPlugin += pluginS * r.loc;
          sxx += (double) r.loc * r.loc;
        }
      }
      if (sxx > 0) {
        t.append(String.format(Locale.ROOT,
            "%nFit across projects (time = k x LOC, least squares): plain %.1f ms/kLOC, plugin %.1f ms/kLOC, "
                + "extra %.1f ms/kLOC.%n",
            sxy / sxx * 1e6, sxyPlugin / sxx * 1e6, (sxyPlugin - sxy) / sxx * 1e6));
      }
      if (details.length() > 0) {
        t.append("\nFindings by check and plugin/harness errors:\n\n").append(details);
      }
      return t.toString();
    }
  }

  private JavacOverhead() {}
}
