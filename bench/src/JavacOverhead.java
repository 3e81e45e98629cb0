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
import java.util.regex.Pattern;
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
 *       selected {@link Mode} in one warmed JVM, each round in the order of a row of a balanced
 *       Latin square ({@link #roundOrder}), so all modes see the same JIT state, heap and file
 *       cache, each runs in every position and after every other mode, and none always runs first;
 *   <li><em>cold</em> children, one compilation each, alternating the {@link #COLD_MODES} in ABBA order:
 *       a fresh JVM's time is that of a one-off {@code javac} run, and its peak RSS is that
 *       compilation's alone, unmixed with the other mode's garbage.
 * </ul>
 *
 * <p>Every compilation is in-process through {@code javax.tools}, with a fresh file manager and a
 * fresh output directory, and the same options in every mode, annotation processing on; the
 * processor path is an empty directory in plain mode and the checker jar in plugin mode, which
 * also adds {@code -Xplugin:LockdepCheck Severity=WARN} ({@link Mode} has the other modes: the
 * diagnosis modes, the tree-walk floor, Error Prone and NullAway).
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
   * JVM flags of every child; identical for all modes. The exports and opens are those Error Prone
   * needs on JDK 16+ (its installation guide's list); they change nothing for javac. The plugin
   * asks only for {@code api} and {@code util}, which open javac's file manager to it
   * ({@link Mode#pluginProcNone}); the floor plugin uses {@code tree}.
   */
  static final List<String> CHILD_JVM =
      List.of(
          "-Xmx6g", "-Xss8m", "-XX:+UseG1GC",
          "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.main=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.model=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.processing=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
          "--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED",
          "--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED");

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

  /** The pause after the collections before each compilation; see {@link #settle}. */
  static final int SETTLE_MILLIS = 100;

  enum Mode {
    plain("plain", "plain javac"),
    /**
     * Plain javac with a processor that does nothing on the processor path: what javac itself
     * spends on annotation processing once any processor is present (a second round that enters
     * every class again, end positions and comments kept while parsing). The plugin's processor,
     * needed for the summaries files, makes javac pay it too.
     */
    plainWithProcessor("processor", "plain with a do-nothing processor"),
    plugin("lockdep", "LockdepCheck"),
    /**
     * The plugin with its classes kept in one class loader across the child's compilations: what
     * its work costs once the JIT has compiled its code. javac itself gives the plugin a fresh
     * class loader in every compilation ({@link #plugin}); the difference between the two is
     * what running its code cold costs.
     */
    pluginWarm("lockdep-warm", "LockdepCheck, code kept warm"),
    /**
     * The plugin with {@code -proc:none}, in a JVM that exports javac's internals to it: javac runs
     * no processing rounds, and the summaries go through javac's file manager instead of the
     * processor's Filer. The same findings and the same output as {@link #plugin}.
     */
    pluginProcNone("lockdep-proc-none", "LockdepCheck, -proc:none"),
    /**
     * The floor: a javac plugin that walks every attributed class once and resolves the element of
     * every call, method and {@code synchronized} expression, and nothing else (bench/src/floor).
     * The least a per-tree front end inside javac costs; its spread is the machine's noise.
     */
    floor("floor", "tree-walk floor"),
    /** Error Prone with its default checks, every finding a warning: what users compare with. */
    errorProne("errorprone", "Error Prone"),
    /** Error Prone running NullAway alone, on the project's root package. */
    nullAway("nullaway", "NullAway");

    /** The name {@code --modes} takes. */
    final String key;

    /** The name tables give it. */
    final String label;

    Mode(String key, String label) {
      this.key = key;
      this.label = label;
    }

    boolean runsPlugin() {
      return this == plugin || this == pluginWarm || this == pluginProcNone;
    }

    boolean runsErrorProne() {
      return this == errorProne || this == nullAway;
    }

    static Mode ofKey(String key) {
      for (Mode m : values()) {
        if (m.key.equals(key)) {
          return m;
        }
      }
      throw new IllegalArgumentException("unknown mode " + key + "; the modes are "
          + Arrays.stream(values()).map(m -> m.key).collect(Collectors.joining(",")));
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
    /** Warnings of Error Prone's checks, {@link JavacOverhead#CHECK_WARNING}. */
    int checkWarnings;
    final List<String> firstErrors = new ArrayList<>();
    long retainedHeapBytes = -1;
  }

  /** An Error Prone check's diagnostic: {@code [CheckName] message}; javac's lint categories are lower case. */
  static final Pattern CHECK_WARNING = Pattern.compile("\\[[A-Z][A-Za-z0-9]*\\] .*", Pattern.DOTALL);

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
        // The plugin's own notes (a bound reached, a baseline) are not failures; its internal
        // errors say so.
        if (message.contains("internal error")) {
          outcome.internalErrors++;
          remember(d, message);
        }
      } else if (d.getKind() == Diagnostic.Kind.ERROR) {
        outcome.javacErrors++;
        remember(d, message);
      } else if (CHECK_WARNING.matcher(message).matches()) {
        outcome.checkWarnings++;
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
        } else if (mode == Mode.floor) {
          options.addAll(List.of("-processorpath", in.tools.floorJar(), "-Xplugin:TreeWalkFloor"));
        } else if (mode.runsErrorProne()) {
          options.addAll(errorProneOptions(mode, in));
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
   * Error Prone as its installation guide configures it ({@code --should-stop=ifError=FLOW}, which
   * changes nothing in a compilation without errors), with every finding a warning: an error would
   * stop javac before it generates class files, and the run would do less work than plain javac.
   */
  static List<String> errorProneOptions(Mode mode, Inputs in) {
    String checks = mode == Mode.nullAway
        ? " -XepDisableAllChecks -Xep:NullAway:WARN -XepOpt:NullAway:AnnotatedPackages=" + in.rootPackage()
        : "";
    String path = mode == Mode.nullAway ? in.tools.nullAwayPath() : in.tools.errorPronePath();
    return List.of("-processorpath", path, "--should-stop=ifError=FLOW",
        "-Xplugin:ErrorProne -XepAllErrorsAsWarnings" + checks);
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

  /**
   * The order of the modes in round {@code round}: row {@code round mod 2n} of a balanced
   * (Williams) Latin square of the {@code n} modes. Within every {@code n} consecutive rounds from
   * 0 each mode runs once in each position, and over the square (n rounds if n is even, 2n if odd)
   * each mode follows every other mode equally often, so no mode always pays for the one before
   * it (its garbage, its JIT work, its file cache).
   */
  static Mode[] roundOrder(List<Mode> modes, int round) {
    int n = modes.size();
    Mode[] order = new Mode[n];
    // First row 0, 1, n-1, 2, n-2, ...; row r adds r to each.
    for (int j = 0; j < n; j++) {
      int first = j % 2 == 1 ? (j + 1) / 2 : (n - j / 2) % n;
      order[j] = modes.get((first + round) % n);
    }
    // For an odd n the rows of the square's second half are those of the first, reversed.
    return n % 2 == 1 && round % (2 * n) >= n ? reversed(order) : order;
  }

  /**
   * Collects the garbage of the compilations before and lets the collector's and the JIT's
   * background threads finish, so that the next compilation pays for none of it.
   */
  static void settle() throws InterruptedException {
    System.gc();
    System.gc();
    Thread.sleep(SETTLE_MILLIS);
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
  record Inputs(
      List<Path> sources, String classpath, List<String> javacOpts, String pluginJar, Path doNothingProcessorPath,
      Tools tools, String rootPackage) {}

  /**
   * The processor paths of the modes other than the plugin's, as {@code run.sh} built them: the
   * floor plugin's jar, Error Prone's class path, and Error Prone's with NullAway's; {@code "-"}
   * where not built (its mode is not selected).
   */
  record Tools(String floorJar, String errorPronePath, String nullAwayPath) {
    List<String> args() {
      return List.of(floorJar, errorPronePath, nullAwayPath);
    }
  }

  /**
   * The package all of a project's sources are in (their longest common package, from the
   * directories of the sources jar), which NullAway is told to check; empty if there is none.
   */
  static String rootPackage(Path src, List<Path> sources) {
    List<String> common = null;
    for (Path file : sources) {
      Path dir = src.relativize(file).getParent();
      List<String> segments = dir == null ? List.of() : Arrays.asList(dir.toString().split("/"));
      if (common == null) {
        common = segments;
      } else {
        int k = 0;
        while (k < common.size() && k < segments.size() && common.get(k).equals(segments.get(k))) {
          k++;
        }
        common = common.subList(0, k);
      }
    }
    return common == null ? "" : String.join(".", common);
  }

  // ---------------------------------------------------------------------------------------------
  // Child JVM: prints "key value" lines for the parent

  static final class Child {
    static void main(String[] args) throws Exception {
      // args: time|cold <projectDir> <pluginJar> <floorJar> <errorPronePath> <nullAwayPath> <modes>
      //       <runs|mode> <warmup> [javacopt ...]
      String what = args[0];
      Path dir = Paths.get(args[1]);
      List<Path> sources =
          Files.readAllLines(dir.resolve("sources.txt")).stream().map(Paths::get).collect(Collectors.toList());
      String classpath = Files.readString(dir.resolve("classpath.txt")).trim();
      Tools tools = new Tools(args[3], args[4], args[5]);
      List<Mode> modes = Arrays.stream(args[6].split(",")).map(Mode::valueOf).collect(Collectors.toList());
      List<String> opts = List.of(args).subList(9, args.length);
      Inputs in = new Inputs(sources, classpath, opts, args[2], doNothingProcessorPath(), tools,
          rootPackage(dir.resolve("src"), sources));
      if (what.equals("cold")) {
        Mode mode = Mode.valueOf(args[7]);
        Outcome o = compile(mode, in, true);
        report("run", mode, o);
        System.out.println("retained " + o.retainedHeapBytes);
        System.out.println("peakrss " + peakRssBytes());
        return;
      }
      int runs = Integer.parseInt(args[7]);
      int warmup = Integer.parseInt(args[8]);
      // Warm-up: at least `warmup` rounds, and small projects keep going until about
      // WARMUP_SECONDS of compiling have passed, since a one-second compile is not warm after two.
      long warmStart = System.nanoTime();
      for (int i = 0;
          i < warmup || (warmup > 0 && i < 30 && System.nanoTime() - warmStart < WARMUP_SECONDS * 1_000_000_000L);
          i++) {
        for (Mode mode : roundOrder(modes, i)) {
          settle();
          report("warmup", mode, compile(mode, in, false));
        }
      }
      // At least `runs` rounds; small projects go on (up to 6x) until about MEASURE_SECONDS have
      // passed, since a median of five one-second runs on a busy machine is noise. Either way the
      // rounds end with a whole Latin square, so that each mode ran in each position equally often.
      long measureStart = System.nanoTime();
      for (int i = 0;
          i < runs
              || i % modes.size() != 0
              || (i < 6 * runs && System.nanoTime() - measureStart < MEASURE_SECONDS * 1_000_000_000L);
          i++) {
        for (Mode mode : roundOrder(modes, i)) {
          settle(); // each compilation starts from a collected heap, not the previous one's garbage
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
          .append(" internalErrors=").append(o.internalErrors)
          .append(" checkWarnings=").append(o.checkWarnings);
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
      int checkWarnings;
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
      /** What NullAway is told to check. */
      String rootPackage;
    }

    /** What the parent was asked to measure, and with what. */
    record Plan(List<Mode> modes, String jar, Tools tools, int runs, int warmup, int cold, boolean check) {
      /** The modes of the cold runs: those of {@link #COLD_MODES} selected. */
      List<Mode> coldModes() {
        return Arrays.stream(COLD_MODES).filter(modes::contains).collect(Collectors.toList());
      }
    }

    static void main(String[] args) throws Exception {
      int runs = 5;
      int warmup = 3;
      int cold = 3;
      Path bench = Paths.get("bench");
      Path out = null;
      String jar = null;
      String jarBuilt = "?";
      String floorJar = "-";
      String errorPronePath = "-";
      String nullAwayPath = "-";
      List<Mode> modes = List.of(Mode.values());
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
          case "--floor-jar" -> floorJar = args[++i];
          case "--errorprone-path" -> errorPronePath = args[++i];
          case "--nullaway-path" -> nullAwayPath = args[++i];
          case "--modes" -> {
            try {
              modes = selectedModes(args[++i]);
            } catch (IllegalArgumentException e) {
              System.err.println("run.sh: " + e.getMessage());
              System.exit(2);
            }
          }
          case "--out" -> out = Paths.get(args[++i]);
          case "--check" -> check = true;
          default -> names.add(args[i]);
        }
      }
      if (jar == null) {
        throw new IllegalArgumentException("--jar <lockdep-checker cli jar> is required");
      }
      Plan plan = new Plan(modes, jar, new Tools(floorJar, errorPronePath, nullAwayPath), runs, warmup, cold, check);
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
        Row row = measure(bench, p, plan);
        rows.add(row);
        harnessBug |= reportProblems(row, check);
      }
      if (check) {
        System.exit(harnessBug ? 1 : 0);
      }
      String jarId = String.format("plugin jar sha256 %s (built %s)", sha256(Paths.get(jar)).substring(0, 12), jarBuilt);
      String table = table(rows, plan, loadBefore, loadAverage(), jarId);
      System.out.print(table);
      if (out != null) {
        Files.writeString(out, table);
      }
      if (harnessBug) {
        System.exit(1);
      }
    }

    /**
     * The modes {@code --modes} names, in the order of {@link Mode}; plain javac always, since every
     * ratio is to it.
     */
    static List<Mode> selectedModes(String keys) {
      Set<Mode> chosen = java.util.EnumSet.of(Mode.plain);
      for (String key : keys.split(",")) {
        chosen.add(Mode.ofKey(key.trim()));
      }
      return List.copyOf(chosen);
    }

    /** Says on stderr what went wrong in a row; true if it is a harness bug (the run exits 1). */
    static boolean reportProblems(Row row, boolean check) {
      String artifact = row.project.artifact();
      boolean harnessBug = false;
      ModeResult plain = row.modes.get(Mode.plain);
      if (row.failure == null && plain.javacErrors > 0) {
        harnessBug = true;
        System.err.println("HARNESS BUG: " + artifact + " does not compile with plain javac:");
        plain.errors.forEach(e -> System.err.println("  " + e));
      }
      if (check) {
        return harnessBug || row.failure != null;
      }
      for (Map.Entry<Mode, ModeResult> e : row.modes.entrySet()) {
        ModeResult m = e.getValue();
        if (m.javacErrors > plain.javacErrors) {
          // Not a harness bug but the tool's: e.g. "plug-in not found", or it crashed javac.
          System.err.println(failedRun(e.getKey()) + ": " + artifact + " has javac errors only with "
              + e.getKey().label + ":");
          m.errors.forEach(error -> System.err.println("  " + error));
        }
      }
      ModeResult plugin = row.modes.get(Mode.plugin);
      ModeResult procNone = row.modes.get(Mode.pluginProcNone);
      if (plugin != null && procNone != null && !procNone.findings.equals(plugin.findings)) {
        harnessBug = true;
        System.err.println("PLUGIN RUNS DIFFER: " + artifact + ": " + plugin.findings + " with processing, "
            + procNone.findings + " with -proc:none");
      }
      if (row.failure != null) {
        harnessBug = true;
        System.err.println("HARNESS BUG: " + artifact + ": " + row.failure);
      }
      return harnessBug;
    }

    static String failedRun(Mode mode) {
      return mode.runsErrorProne() ? "ERROR PRONE RUN FAILED" : mode == Mode.floor ? "FLOOR RUN FAILED" : "PLUGIN RUN FAILED";
    }

    static Row measure(Path bench, Project p, Plan plan) throws Exception {
      Row row = new Row();
      row.project = p;
      Path dir = bench.resolve("work").resolve(p.artifact()).toAbsolutePath();
      List<Path> files = sources(dir.resolve("src"), p.excludes());
      row.files = files.size();
      row.loc = linesOfCode(files);
      row.rootPackage = rootPackage(dir.resolve("src"), files);
      Files.write(dir.resolve("sources.txt"), files.stream().map(Path::toString).collect(Collectors.toList()));
      Files.deleteIfExists(dir.resolve("child.log")); // holds this measurement's raw output only
      System.err.printf("bench: %s: %d files, %d LOC: %s%n", p.artifact(), row.files, row.loc,
          plan.check() ? "one plain compilation"
              : "timing " + plan.modes().stream().map(m -> m.key).collect(Collectors.joining(",")) + ", at least "
                  + plan.warmup() + "+" + plan.runs() + " runs per mode");
      List<Mode> modes = plan.check() ? List.of(Mode.plain) : plan.modes();
      for (Mode m : modes) {
        row.modes.put(m, new ModeResult());
      }
      List<String> common = new ArrayList<>(List.of(dir.toString(), plan.jar()));
      common.addAll(plan.tools().args());
      common.add(modes.stream().map(Mode::name).collect(Collectors.joining(",")));
      if (plan.check()) {
        child(dir, "cold", common, List.of(Mode.plain.name(), "0"), p, row);
        ModeResult plain = row.modes.get(Mode.plain);
        System.err.printf("check: %s: %d javac errors%n", p.artifact(), plain.javacErrors);
        plain.errors.forEach(e -> System.err.println("  " + e));
        return row;
      }
      if (!child(dir, "time", common, List.of(String.valueOf(plan.runs()), String.valueOf(plan.warmup())), p, row)) {
        row.failure = "timing child failed, see " + dir.resolve("child.log");
        return row;
      }
      List<Mode> coldModes = plan.coldModes();
      System.err.printf("bench: %s: %d cold runs per mode (%s)%n", p.artifact(), plan.cold(),
          coldModes.stream().map(m -> m.key).collect(Collectors.joining(",")));
      Mode[] coldOrder = coldModes.toArray(new Mode[0]);
      for (int i = 0; i < plan.cold(); i++) {
        for (Mode m : i % 2 == 0 ? coldOrder : reversed(coldOrder)) {
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
                case "checkWarnings" -> m.checkWarnings = Integer.parseInt(kv[1]);
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

    /** The modes of the side-by-side table, in its column order. */
    static final List<Mode> SIDE_BY_SIDE = List.of(Mode.floor, Mode.plugin, Mode.errorProne, Mode.nullAway);

    static String table(List<Row> rows, Plan plan, String loadBefore, String loadAfter, String jarId) {
      List<Mode> compared = SIDE_BY_SIDE.stream().filter(plan.modes()::contains).collect(Collectors.toList());
      StringBuilder t = new StringBuilder();
      t.append(String.format(Locale.ROOT,
          "JDK %s (%s), %d cores, %d GiB max heap per child JVM; modes %s; warm: %s + at least %d "
              + "measured rounds (%d s) in one JVM, every mode once per round in the order of a row of a balanced "
              + "Latin square, ending with a whole square, the heap collected twice and %d ms of quiet before "
              + "each compilation; cold: %d fresh JVMs per mode (%s), one compilation each, alternating ABBA; "
              + "times, memory and ratios are medians. Load average before / after: %s / %s. %s.%n%n",
          System.getProperty("java.version"), System.getProperty("java.vm.name"),
          Runtime.getRuntime().availableProcessors(), 6,
          plan.modes().stream().map(m -> m.key).collect(Collectors.joining(",")),
          plan.warmup() == 0 ? "no warm-up" : "at least " + plan.warmup() + " warm-up rounds (" + WARMUP_SECONDS + " s)",
          plan.runs(), MEASURE_SECONDS, SETTLE_MILLIS, plan.cold(),
          plan.coldModes().stream().map(m -> m.key).collect(Collectors.joining(", ")), loadBefore, loadAfter, jarId));
      if (!compared.isEmpty()) {
        t.append(sideBySide(rows, compared));
      }
      if (plan.modes().contains(Mode.plugin)) {
        t.append(lockdepDiagnosis(rows));
      }
      t.append(growth(rows, compared));
      t.append(details(rows));
      return t.toString();
    }

    /** Every compared mode beside plain javac, each cell its ratio, spread and time added. */
    static String sideBySide(List<Row> rows, List<Mode> compared) {
      StringBuilder t = new StringBuilder("| project | LOC | rounds | plain javac (s) |");
      compared.forEach(m -> t.append(' ').append(m.label).append(" |"));
      t.append(" LockdepCheck findings / Error Prone / NullAway warnings |\n|---|--:|--:|--:|");
      compared.forEach(m -> t.append("--:|"));
      t.append("--:|\n");
      Map<Mode, List<Double>> ratios = new LinkedHashMap<>();
      for (Row r : rows) {
        ModeResult plain = r.modes.get(Mode.plain);
        double a = medianSeconds(plain.nanos);
        t.append(String.format(Locale.ROOT, "| %s | %d | %d | %s |", r.project.artifact(), r.loc, plain.nanos.size(),
            seconds(a)));
        for (Mode m : compared) {
          ModeResult x = r.modes.get(m);
          double b = medianSeconds(x.nanos);
          if (x.javacErrors > plain.javacErrors) {
            t.append(String.format(Locale.ROOT, " failed (%d javac errors) |", x.javacErrors));
            continue;
          }
          List<Double> perRound = perRoundRatios(plain.nanos, x.nanos);
          t.append(String.format(Locale.ROOT, " %s (%.2f-%.2f), %+.0f ms |", times(b / a),
              quantile(perRound, 0.25), quantile(perRound, 0.75), (b - a) * 1e3));
          if (!Double.isNaN(b / a)) {
            ratios.computeIfAbsent(m, k -> new ArrayList<>()).add(b / a);
          }
        }
        t.append(' ').append(warnings(r)).append(" |\n");
      }
      t.append("\nEach cell: the ratio of the median time to plain javac's, in parentheses the interquartile range "
          + "of the ratios of the compilations of one round, then the milliseconds the median adds per compilation. "
          + "Geometric mean of the ratios:");
      ratios.forEach((m, list) -> t.append(String.format(Locale.ROOT, " %s %s (worst %s);", m.label,
          times(Math.exp(list.stream().mapToDouble(Math::log).average().orElse(Double.NaN))),
          times(list.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)))));
      t.setLength(t.length() - 1);
      t.append(". Target for LockdepCheck: at most 1.10x.\n\n");
      return t.toString();
    }

    /** The ratios of the compilations of each round: every mode runs once per round. */
    static List<Double> perRoundRatios(List<Long> plain, List<Long> mode) {
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < Math.min(plain.size(), mode.size()); i++) {
        ratios.add((double) mode.get(i) / plain.get(i));
      }
      return ratios;
    }

    /** The {@code q} quantile of {@code values}, interpolated between the two nearest. */
    static double quantile(List<Double> values, double q) {
      if (values.isEmpty()) {
        return Double.NaN;
      }
      List<Double> sorted = new ArrayList<>(values);
      sorted.sort(null);
      double at = q * (sorted.size() - 1);
      int low = (int) Math.floor(at);
      int high = Math.min(low + 1, sorted.size() - 1);
      return sorted.get(low) + (at - low) * (sorted.get(high) - sorted.get(low));
    }

    /** The tools' findings and warnings in one compilation, for the modes run. */
    static String warnings(Row r) {
      List<String> counts = new ArrayList<>();
      ModeResult plugin = r.modes.get(Mode.plugin);
      counts.add(plugin == null ? "—" : String.valueOf(plugin.findingCount()));
      for (Mode m : List.of(Mode.errorProne, Mode.nullAway)) {
        ModeResult x = r.modes.get(m);
        counts.add(x == null ? "—" : String.valueOf(x.checkWarnings));
      }
      return String.join(" / ", counts);
    }

    static String seconds(double s) {
      return Double.isNaN(s) ? "—" : String.format(Locale.ROOT, "%.2f", s);
    }

    static String times(double ratio) {
      return Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, "%.3fx", ratio);
    }

    /** The median warm time of {@code mode}, NaN if it was not run. */
    static double warmSeconds(Row r, Mode mode) {
      ModeResult m = r.modes.get(mode);
      return m == null ? Double.NaN : medianSeconds(m.nanos);
    }

    /** The median cold time of {@code mode}, NaN if it was not run. */
    static double coldSeconds(Row r, Mode mode) {
      ModeResult m = r.modes.get(mode);
      return m == null ? Double.NaN : medianSeconds(m.coldNanos);
    }

    /** The plugin against plain javac, with the modes that tell where its time goes. */
    static String lockdepDiagnosis(List<Row> rows) {
      StringBuilder t = new StringBuilder("LockdepCheck in detail:\n\n");
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
      Worst worst = new Worst();
      Worst worstCold = new Worst();
      Worst worstProcNone = new Worst();
      Worst worstProcNoneCold = new Worst();
      for (Row r : rows) {
        ModeResult plain = r.modes.get(Mode.plain);
        ModeResult plugin = r.modes.get(Mode.plugin);
        double a = medianSeconds(plain.nanos);
        double b = medianSeconds(plugin.nanos);
        double ratio = b / a;
        // Other processes only ever add time, so the fastest runs are the least disturbed ones.
        double minRatio = plain.nanos.isEmpty() || plugin.nanos.isEmpty() ? Double.NaN
            : (double) java.util.Collections.min(plugin.nanos) / java.util.Collections.min(plain.nanos);
        double cpuRatio = medianSeconds(plugin.cpuNanos) / medianSeconds(plain.cpuNanos);
        double warmCode = warmSeconds(r, Mode.pluginWarm);
        double withProcessor = warmSeconds(r, Mode.plainWithProcessor);
        double coldA = medianSeconds(plain.coldNanos);
        double coldB = medianSeconds(plugin.coldNanos);
        double procNoneS = warmSeconds(r, Mode.pluginProcNone);
        double procNoneCold = coldSeconds(r, Mode.pluginProcNone);
        String artifact = r.project.artifact();
        worstProcNone.offer(procNoneS / a, artifact);
        worstProcNoneCold.offer(procNoneCold / coldA, artifact);
        worstCold.offer(coldB / coldA, artifact);
        if (!Double.isNaN(ratio)) {
          sumPlain += a;
          sumPlugin += b;
          logRatios += Math.log(ratio);
          counted++;
          worst.offer(ratio, artifact);
        }
        String errors = plain.javacErrors + " / " + plugin.javacErrors;
        if (r.failure != null || plain.javacErrors > 0) {
          errors = "**" + errors + " (harness bug)**";
        }
        t.append(String.format(Locale.ROOT,
            "| %s | %d | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s / %s | %s | %s | %s / %s | %s / %s | %s | %d | %d | %s |%n",
            r.project.coordinate(), r.files, r.loc, plain.nanos.size(), seconds(a), seconds(b), times(ratio),
            times(minRatio), times(cpuRatio), seconds(warmCode), times(warmCode / a), seconds(withProcessor),
            times(withProcessor / a), seconds(procNoneS), times(procNoneS / a), seconds(coldA), seconds(coldB),
            seconds(procNoneCold), times(coldB / coldA), times(procNoneCold / coldA), mb(plain.peakRss),
            mb(plugin.peakRss), mb(plain.retained), mb(plugin.retained),
            r.classLoadNanos < 0 ? "?" : String.format(Locale.ROOT, "%d / %.1f / %.3fx", r.classCount, r.classLoadNanos / 1e6,
                1 + r.classLoadNanos / 1e9 / a),
            plugin.findingCount(), plugin.internalErrors, errors));
      }
      if (counted > 0) {
        t.append(String.format(Locale.ROOT,
            "%nOverall: %.3fx on total median time (%.1f s plain, %.1f s plugin); geometric mean of ratios %.3fx; "
                + "worst ratio %s, worst cold ratio %s; with -proc:none: worst ratio %s, "
                + "worst cold ratio %s. Target: at most 1.10x.%n",
            sumPlugin / sumPlain, sumPlain, sumPlugin, Math.exp(logRatios / counted), worst, worstCold, worstProcNone,
            worstProcNoneCold));
      }
      return t.append('\n').toString();
    }

    /** The largest ratio offered and its project; NaN is never the largest. */
    static final class Worst {
      double ratio = Double.NaN;
      String artifact;

      void offer(double candidate, String candidateArtifact) {
        if (!Double.isNaN(candidate) && (Double.isNaN(ratio) || candidate > ratio)) {
          ratio = candidate;
          artifact = candidateArtifact;
        }
      }

      @Override
      public String toString() {
        return Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, "%.3fx (%s)", ratio, artifact);
      }
    }

    /** Median milliseconds per 1,000 lines: plain javac's, and what each compared mode adds. */
    static String growth(List<Row> rows, List<Mode> compared) {
      StringBuilder t = new StringBuilder("How cost grows (median milliseconds per 1,000 LOC):\n\n");
      t.append("| project | LOC | plain ms/kLOC |");
      compared.forEach(m -> t.append(' ').append(m.label).append(" extra ms/kLOC |"));
      t.append("\n|---|--:|--:|");
      compared.forEach(m -> t.append("--:|"));
      t.append('\n');
      rows.stream().sorted(Comparator.comparingLong(r -> r.loc)).forEach(r -> {
        double a = warmSeconds(r, Mode.plain) * 1e6 / r.loc;
        t.append(String.format(Locale.ROOT, "| %s | %d | %.1f |", r.project.artifact(), r.loc, a));
        compared.forEach(m -> t.append(String.format(Locale.ROOT, " %+.1f |", warmSeconds(r, m) * 1e6 / r.loc - a)));
        t.append('\n');
      });
      // Least squares through the origin, time = k * LOC: one number per mode for the whole corpus.
      double sxx = 0;
      Map<Mode, Double> sxy = new LinkedHashMap<>();
      for (Row r : rows) {
        if (Double.isNaN(warmSeconds(r, Mode.plain))) {
          continue;
        }
        sxx += (double) r.loc * r.loc;
        for (Mode m : Stream.concat(Stream.of(Mode.plain), compared.stream()).collect(Collectors.toList())) {
          sxy.merge(m, warmSeconds(r, m) * r.loc, Double::sum);
        }
      }
      if (sxx > 0) {
        double plainK = sxy.get(Mode.plain) / sxx * 1e6;
        t.append(String.format(Locale.ROOT, "%nFit across projects (time = k x LOC, least squares): plain %.1f ms/kLOC", plainK));
        for (Mode m : compared) {
          t.append(String.format(Locale.ROOT, ", %s extra %.1f ms/kLOC", m.label, sxy.get(m) / sxx * 1e6 - plainK));
        }
        t.append(".\n");
      }
      return t.toString();
    }

    /** Findings per check, what NullAway checked, and every failure, per project. */
    static String details(List<Row> rows) {
      StringBuilder details = new StringBuilder();
      for (Row r : rows) {
        ModeResult plugin = r.modes.get(Mode.plugin);
        if (plugin != null && (!plugin.findings.isEmpty() || !plugin.errors.isEmpty())) {
          details.append("- ").append(r.project.artifact()).append(": ").append(plugin.findings);
          plugin.errors.forEach(e -> details.append("\n  - ").append(e));
          details.append('\n');
        }
        for (Mode m : List.of(Mode.floor, Mode.errorProne, Mode.nullAway)) {
          ModeResult x = r.modes.get(m);
          if (x != null && !x.errors.isEmpty()) {
            details.append("- ").append(r.project.artifact()).append(", ").append(m.label).append(": ")
                .append(x.javacErrors).append(" javac errors");
            x.errors.forEach(e -> details.append("\n  - ").append(e));
            details.append('\n');
          }
        }
        if (r.modes.containsKey(Mode.nullAway)) {
          details.append("- ").append(r.project.artifact()).append(": NullAway checks `").append(r.rootPackage).append("`\n");
        }
        if (r.failure != null) {
          details.append("- ").append(r.project.artifact()).append(": ").append(r.failure).append('\n');
        }
      }
      return details.length() == 0 ? "" : "\nFindings by check, packages NullAway checks, and errors:\n\n" + details;
    }
  }

  private JavacOverhead() {}
}
