package dev.lockdep.checker;

import com.sun.source.util.Trees;
import dev.lockdep.checker.SummariesContainers.SummariesFile;
import dev.lockdep.lockgraph.FactsFormatException;
import dev.lockdep.lockgraph.program.JdkPackages;
import dev.lockdep.lockgraph.program.MethodSummary;
import dev.lockdep.lockgraph.program.ProgramFormat;
import dev.lockdep.lockgraph.program.ProgramUnit;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * The summaries of other compilations (SPEC §6): read from {@code META-INF/lockdep/} in the jars
 * and directories of the class path and module path, for every package the compilation's
 * summaries reach; and the compilation's own summaries written to its class output, so that the
 * next compilation composes with them ({@link SummariesLayout}).
 *
 * <p>A package's summaries are read from every jar and directory that holds classes of that
 * package: where a library's classes are, its summaries are. javac tells which those are; the
 * files themselves are read by {@link SummariesContainers}, because javac's file manager cannot
 * see into a jar's {@code META-INF}.
 *
 * <p>javac's public API gives a plugin no file manager, but it gives an annotation processor a
 * {@link Filer}: {@link LockdepFactsProcessor} hands it over. The Filer cannot list a package,
 * so it is asked where each class the compilation reaches is. Where javac runs no processor
 * ({@code -proc:none}) and exports its internals to the plugin, or the caller made the file
 * manager (the command-line runner), javac's own file manager serves instead and lists every
 * class of a reached package ({@link CompilerFileManager}).
 */
final class FactsFiles {
  /** What is asked of javac's files. */
  interface Resources {
    /** The resource {@code name} of the class output, which need not exist yet. */
    FileObject inClassOutput(String name) throws IOException;

    FileObject createInClassOutput(String name) throws IOException;

    /**
     * The jars and directories of the class path and module path that hold classes of {@code
     * packageName} not compiled here, in their order on the path: at least the one the top-level
     * class {@code simpleName} is loaded from, or with an empty name, those of the package.
     */
    List<Path> holders(String packageName, String simpleName) throws IOException;
  }

  /** A top-level class the compilation reaches; an empty simple name for its package as a whole. */
  record TopLevelClass(String packageName, String simpleName) {}

  /** A package in one jar or directory. */
  private record Held(Path holder, String packageName) {}

  private static final Set<JavaFileObject.Kind> CLASSES = EnumSet.of(JavaFileObject.Kind.CLASS);
  /** Looked up in the class output to find its directory: the output location makes no file of it. */
  private static final String PROBE = ProgramFormat.DIRECTORY + "index";

  private final Resources resources;
  /** Each problem once, though a file may be reached twice. */
  private final Set<String> problems = new LinkedHashSet<>();

  private FactsFiles(Resources resources) {
    this.resources = resources;
  }

  /**
   * Through an annotation processor's Filer, which finds one class at a time: on the class path,
   * or for a class of a named module, in its module on the module path.
   */
  static FactsFiles through(ProcessingEnvironment environment) {
    return new FactsFiles(new FilerResources(environment));
  }

  /** What the Filer can tell: where the class file of a class javac knows is. */
  private static final class FilerResources implements Resources {
    private final Filer filer;
    private final Elements elements;
    private final Trees trees;

    FilerResources(ProcessingEnvironment environment) {
      this.filer = environment.getFiler();
      this.elements = environment.getElementUtils();
      this.trees = Trees.instance(environment);
    }

    @Override
    public FileObject inClassOutput(String name) throws IOException {
      return filer.getResource(StandardLocation.CLASS_OUTPUT, "", name);
    }

    @Override
    public FileObject createInClassOutput(String name) throws IOException {
      return filer.createResource(StandardLocation.CLASS_OUTPUT, "", name);
    }

    /**
     * Where the class file of {@code simpleName} is; for the package as a whole (no simple name),
     * where those of its classes that are not compiled here are.
     */
    @Override
    public List<Path> holders(String packageName, String simpleName) {
      if (!simpleName.isEmpty()) {
        return holder(elements.getTypeElement(packageName.isEmpty() ? simpleName : packageName + "." + simpleName));
      }
      PackageElement element = elements.getPackageElement(packageName);
      if (element == null) {
        return List.of();
      }
      Set<Path> found = new LinkedHashSet<>();
      for (Element member : element.getEnclosedElements()) {
        if (member instanceof TypeElement type) {
          found.addAll(holder(type));
        }
      }
      return List.copyOf(found);
    }

    private List<Path> holder(TypeElement type) {
      if (type == null || trees.getPath(type) != null) {
        // Compiled here, or nowhere.
        return List.of();
      }
      String packageName = elements.getPackageOf(type).getQualifiedName().toString();
      String classFile = type.getSimpleName() + ".class";
      ModuleElement module = elements.getModuleOf(type);
      try {
        if (module == null || module.isUnnamed()) {
          return FactsFiles.holder(filer.getResource(StandardLocation.CLASS_PATH, packageName, classFile), packageName);
        }
        return FactsFiles.holder(
            filer.getResource(StandardLocation.MODULE_PATH, module.getQualifiedName() + "/" + packageName, classFile),
            packageName);
      } catch (IOException | IllegalArgumentException e) {
        // A class of the JDK or of a system module, or no class file javac can name.
        return List.of();
      }
    }
  }

  /**
   * Through javac's file manager, asked as its Filer asks it for output, and listing the class
   * path and every module of the module path for the holders of a package.
   */
  static FactsFiles through(JavaFileManager files) {
    Map<String, List<Path>> holders = new HashMap<>();
    return new FactsFiles(
        new Resources() {
          @Override
          public FileObject inClassOutput(String name) throws IOException {
            return files.getFileForOutput(StandardLocation.CLASS_OUTPUT, "", name, null);
          }

          @Override
          public FileObject createInClassOutput(String name) throws IOException {
            // The file manager makes no difference between a file to look at and one to write.
            return inClassOutput(name);
          }

          @Override
          public List<Path> holders(String packageName, String simpleName) throws IOException {
            List<Path> known = holders.get(packageName);
            if (known == null) {
              Set<Path> found = new LinkedHashSet<>();
              collectHolders(files, StandardLocation.CLASS_PATH, packageName, found);
              if (files.hasLocation(StandardLocation.MODULE_PATH)) {
                for (Set<JavaFileManager.Location> module : files.listLocationsForModules(StandardLocation.MODULE_PATH)) {
                  for (JavaFileManager.Location location : module) {
                    collectHolders(files, location, packageName, found);
                  }
                }
              }
              known = List.copyOf(found);
              holders.put(packageName, known);
            }
            return known;
          }
        });
  }

  private static void collectHolders(
      JavaFileManager files, JavaFileManager.Location location, String packageName, Set<Path> found) throws IOException {
    if (!files.hasLocation(location)) {
      return;
    }
    for (JavaFileObject file : files.list(location, packageName, CLASSES, false)) {
      found.addAll(holder(file, packageName));
    }
  }

  /** The jar or directory a class file of {@code packageName} is in; none for other kinds of files (jrt:, memory). */
  static List<Path> holder(FileObject classFile, String packageName) {
    URI uri = classFile.toUri();
    try {
      if ("jar".equals(uri.getScheme())) {
        String text = uri.toString();
        int bang = text.indexOf("!/");
        return bang < 0 ? List.of() : List.of(Path.of(URI.create(text.substring("jar:".length(), bang))));
      }
      if ("file".equals(uri.getScheme())) {
        Path directory = Path.of(uri).getParent();
        if (!packageName.isEmpty()) {
          Path packagePath = Path.of(packageName.replace('.', '/'));
          if (directory == null || !directory.endsWith(packagePath)) {
            return List.of();
          }
          for (int i = 0; i < packagePath.getNameCount(); i++) {
            directory = directory.getParent();
          }
        }
        return directory == null ? List.of() : List.of(directory);
      }
    } catch (IllegalArgumentException | FileSystemNotFoundException e) {
      // A URI that names no file of this machine.
    }
    return List.of();
  }

  /** Unreadable files, each {@code <jar or file>!<entry>: <problem>}. */
  List<String> problems() {
    return new ArrayList<>(problems);
  }

  /**
   * The units in the packages the current units reach, transitively, from every jar and
   * directory holding classes of them: their own packages (the rest of the module in an
   * incremental build) and those of every method they call, override or pass as a callback.
   * Units named like a current one are left out; of two units with one name, the first found wins.
   */
  List<ProgramUnit> read(Collection<ProgramUnit> current) {
    Set<String> currentFiles = new HashSet<>();
    Reached reached = new Reached();
    for (ProgramUnit unit : current) {
      currentFiles.add(unit.file());
      reached.current(unit);
    }
    Map<String, ProgramUnit> found = new TreeMap<>();
    Optional<Path> output = classOutput();
    try (SummariesContainers containers = new SummariesContainers(problems::add)) {
      // An incremental build: the rest of the module, whatever packages the recompiled files name,
      // so that class-hierarchy analysis sees the same overrides as a full build.
      output.ifPresent(
          directory -> {
            for (String packageName : SummariesContainers.packages(directory)) {
              for (SummariesFile file : containers.read(directory, packageName)) {
                add(outputUnits(file), currentFiles, found, reached);
              }
            }
          });
      Set<Held> read = new HashSet<>();
      while (!reached.isEmpty()) {
        TopLevelClass type = reached.next();
        if (isKnown(type, currentFiles, found)) {
          // Compiled here, or read with its package from where its class is: asking javac where
          // it is would cost a lookup (and maybe loading the class) to find nothing new.
          continue;
        }
        for (Path holder : holders(type)) {
          if (!output.map(holder::equals).orElse(false) && read.add(new Held(holder, type.packageName()))) {
            for (SummariesFile file : containers.read(holder, type.packageName())) {
              add(libraryUnits(file), currentFiles, found, reached);
            }
          }
        }
      }
    }
    return new ArrayList<>(found.values());
  }

  /**
   * Whether the unit named after {@code type} ({@code com/acme/Pool.java}) is current or read. A
   * local or anonymous class ({@code Pool$1}) is in the unit of its top-level class: javac, asked
   * for it by name, finds no class compiled here and looks for it in every module of the JDK.
   */
  static boolean isKnown(TopLevelClass type, Set<String> currentFiles, Map<String, ProgramUnit> found) {
    if (type.simpleName().isEmpty()) {
      return false;
    }
    String file = (type.packageName().isEmpty() ? "" : type.packageName().replace('.', '/') + "/") + sourceName(type.simpleName()) + ".java";
    return currentFiles.contains(file) || found.containsKey(file);
  }

  /** The top-level class a class is compiled with: the part of a local or anonymous class's binary name before its first {@code $}. */
  private static String sourceName(String simpleName) {
    for (int dollar = simpleName.indexOf('$'); dollar >= 0; dollar = simpleName.indexOf('$', dollar + 1)) {
      if (dollar + 1 < simpleName.length() && simpleName.charAt(dollar + 1) >= '0' && simpleName.charAt(dollar + 1) <= '9') {
        return simpleName.substring(0, simpleName.indexOf('$'));
      }
    }
    return simpleName;
  }

  private static void add(List<ProgramUnit> units, Set<String> currentFiles, Map<String, ProgramUnit> found, Reached reached) {
    for (ProgramUnit unit : units) {
      if (!currentFiles.contains(unit.file()) && found.putIfAbsent(unit.file(), unit) == null) {
        reached.unit(unit);
      }
    }
  }

  private List<Path> holders(TopLevelClass type) {
    try {
      return resources.holders(type.packageName(), type.simpleName());
    } catch (IOException | RuntimeException e) {
      // javac cannot list or find it, or not complete a class file of it: no summaries from
      // there, and javac reports a broken class file itself where the compilation uses it.
      return List.of();
    }
  }

  /**
   * This compilation's class output directory, which is listed whole; empty when it is no
   * directory (javac without {@code -d}, an in-memory output).
   */
  private Optional<Path> classOutput() {
    try {
      URI probe = resources.inClassOutput(PROBE).toUri();
      Path relative = Path.of(PROBE);
      if (!"file".equals(probe.getScheme()) || !Path.of(probe).endsWith(relative)) {
        return Optional.empty();
      }
      Path directory = Path.of(probe);
      for (int i = 0; i < relative.getNameCount(); i++) {
        directory = directory.getParent();
      }
      return Optional.ofNullable(directory);
    } catch (IOException | IllegalArgumentException | FileSystemNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * The units of a file an earlier build of this module wrote, typically by an older
   * LockdepCheck: this compilation rewrites the files of the units it compiles, so a stale file is
   * dropped rather than failing every build until a clean one.
   */
  private static List<ProgramUnit> outputUnits(SummariesFile file) {
    try {
      return ProgramFormat.read(file.bytes(), file.source());
    } catch (FactsFormatException e) {
      return List.of();
    }
  }

  /** The units of a library's file; one that cannot be read is an error naming it. */
  private List<ProgramUnit> libraryUnits(SummariesFile file) {
    try {
      return ProgramFormat.read(file.bytes(), file.source());
    } catch (FactsFormatException e) {
      problems.add(e.getMessage());
      return List.of();
    }
  }

  /**
   * Writes each current unit's summaries into the class output, a file per unit: the units an
   * incremental build did not recompile keep their files.
   */
  void write(Collection<ProgramUnit> current) {
    for (ProgramUnit unit : current) {
      write(unit);
    }
  }

  private void write(ProgramUnit unit) {
    String name = SummariesLayout.unitEntry(unit);
    try {
      FileObject resource = resources.createInClassOutput(name);
      String path = resource.toUri().getPath();
      if (path == null || !path.endsWith("/" + name)) {
        // No class output directory (javac without -d): nothing later could read it.
        return;
      }
      try (OutputStream out = resource.openOutputStream()) {
        out.write(ProgramFormat.write(List.of(unit)));
      }
      // A file of the package's old layout, written by an older LockdepCheck, would be read by
      // later compilations beside this one: its units are rewritten here.
      String root = path.substring(0, path.length() - name.length());
      Files.deleteIfExists(Path.of(root, SummariesLayout.packageEntry(unit.packageName())));
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      problems.add(name + ": cannot be written: " + e.getMessage());
    }
  }

  /** The top-level classes the units read so far reach, each queued once. */
  private static final class Reached {
    private final Deque<TopLevelClass> queue = new ArrayDeque<>();
    private final Set<TopLevelClass> seen = new HashSet<>();

    /**
     * A current unit's own package, whose other classes may be in a jar or directory too (a split
     * package: tests beside the main classes), and what {@link #unit} reaches.
     */
    void current(ProgramUnit unit) {
      add(new TopLevelClass(unit.packageName(), ""));
      unit(unit);
    }

    /** The class of every method the unit calls, overrides or passes as a callback. */
    void unit(ProgramUnit unit) {
      for (MethodSummary method : unit.methods()) {
        method.overrides().forEach(this::method);
        for (MethodSummary.CallSite call : method.calls()) {
          method(call.callee());
          for (MethodSummary.Argument argument : call.arguments()) {
            for (MethodSummary.Callback callback : argument.callbacks()) {
              method(callback.target());
            }
          }
        }
      }
    }

    boolean isEmpty() {
      return queue.isEmpty();
    }

    TopLevelClass next() {
      return queue.remove();
    }

    private void method(String id) {
      TopLevelClass type = classOf(id);
      if (type != null) {
        add(type);
      }
    }

    private void add(TopLevelClass type) {
      if (seen.add(type)) {
        queue.add(type);
      }
    }
  }

  /**
   * The top-level class of a method id {@code com.acme.Outer.Inner#m()}: its package ({@link
   * #packageOf}) and the segment after it ({@code Outer}); null where there is no package.
   */
  static TopLevelClass classOf(String id) {
    String packageName = packageOf(id);
    if (packageName == null) {
      return null;
    }
    int hash = id.indexOf('#');
    int start = packageName.isEmpty() ? 0 : packageName.length() + 1;
    int dot = id.indexOf('.', start);
    int end = dot < 0 || dot > hash ? hash : dot;
    return new TopLevelClass(packageName, start < end ? id.substring(start, end) : "");
  }

  /**
   * The package of a method id {@code com.acme.Outer.Inner#m()}: the segments of its owner before
   * the first capitalised one, by Java naming convention; null for lambdas and JDK types.
   */
  static String packageOf(String id) {
    int hash = id.indexOf('#');
    return hash < 0 || JdkPackages.declares(id) ? null : JdkPackages.packageOf(id);
  }
}
