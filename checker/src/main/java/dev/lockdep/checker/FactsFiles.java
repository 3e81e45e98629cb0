package dev.lockdep.checker;

import dev.lockdep.lockgraph.FactsFormatException;
import dev.lockdep.lockgraph.program.MethodSummary;
import dev.lockdep.lockgraph.program.ProgramFormat;
import dev.lockdep.lockgraph.program.ProgramUnit;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.StandardLocation;

/**
 * The summaries of other compilations (SPEC §6): read from {@code META-INF/lockdep/} on the class
 * path, one file per package, for every package the compilation's summaries reach; and the
 * compilation's own summaries written to its class output, so that the next compilation composes
 * with them.
 *
 * <p>javac's public API gives a plugin no file manager, but it gives an annotation processor a
 * {@link Filer}: {@link LockdepFactsProcessor} hands it over. Where javac runs no processor
 * ({@code -proc:none}) and exports its internals to the plugin, javac's own file manager serves
 * instead ({@link CompilerFileManager}). A resource of a known name is all a Filer can look up on
 * the class path, hence one file per package, looked up by package name.
 */
final class FactsFiles {
  /** The two things asked of javac's files: a resource of a location by name, and a new one in the class output. */
  interface Resources {
    /** The resource {@code name} of {@code location}; {@link FileNotFoundException} when there is none. */
    FileObject get(JavaFileManager.Location location, String name) throws IOException;

    FileObject createInClassOutput(String name) throws IOException;
  }

  private final Resources resources;
  /** The units read from this compilation's own class output (an earlier build of this module). */
  private final Set<String> fromOutput = new HashSet<>();
  /** Each problem once, though a file of the class output may be reached twice. */
  private final Set<String> problems = new LinkedHashSet<>();

  private FactsFiles(Resources resources) {
    this.resources = resources;
  }

  /** Through an annotation processor's Filer. */
  static FactsFiles through(Filer filer) {
    return new FactsFiles(
        new Resources() {
          @Override
          public FileObject get(JavaFileManager.Location location, String name) throws IOException {
            return filer.getResource(location, "", name);
          }

          @Override
          public FileObject createInClassOutput(String name) throws IOException {
            return filer.createResource(StandardLocation.CLASS_OUTPUT, "", name);
          }
        });
  }

  /**
   * Through javac's file manager, asked as its Filer asks it: output locations for output, the
   * class path for input.
   */
  static FactsFiles through(JavaFileManager files) {
    return new FactsFiles(
        new Resources() {
          @Override
          public FileObject get(JavaFileManager.Location location, String name) throws IOException {
            FileObject found =
                location.isOutputLocation() ? files.getFileForOutput(location, "", name, null) : files.getFileForInput(location, "", name);
            if (found == null) {
              throw new FileNotFoundException(name);
            }
            return found;
          }

          @Override
          public FileObject createInClassOutput(String name) throws IOException {
            return files.getFileForOutput(StandardLocation.CLASS_OUTPUT, "", name, null);
          }
        });
  }

  /** Unreadable files, each {@code <jar or file>!<entry>: <problem>}. */
  List<String> problems() {
    return new ArrayList<>(problems);
  }

  /**
   * The units on the class path in the packages the current units reach, transitively: their own
   * packages (the rest of the module in an incremental build) and those of every method they
   * call, override or pass as a callback. Units named like a current one are left out.
   */
  List<ProgramUnit> read(Collection<ProgramUnit> current) {
    Set<String> currentFiles = new HashSet<>();
    Deque<String> packages = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    for (ProgramUnit unit : current) {
      currentFiles.add(unit.file());
      reach(unit, packages, seen);
    }
    Map<String, ProgramUnit> found = new TreeMap<>();
    // An incremental build: the rest of the module, whatever packages the recompiled files name,
    // so that class-hierarchy analysis sees the same overrides as a full build.
    for (ProgramUnit unit : readOutput()) {
      if (!currentFiles.contains(unit.file()) && found.putIfAbsent(unit.file(), unit) == null) {
        reach(unit, packages, seen);
      }
    }
    while (!packages.isEmpty()) {
      String packageName = packages.poll();
      for (ProgramUnit unit : readPackage(packageName)) {
        if (!currentFiles.contains(unit.file()) && found.putIfAbsent(unit.file(), unit) == null) {
          reach(unit, packages, seen);
        }
      }
    }
    return new ArrayList<>(found.values());
  }

  /**
   * Every summaries file an earlier build wrote into this compilation's class output, when that is
   * a directory: unlike the class path, it can be listed.
   */
  private List<ProgramUnit> readOutput() {
    Path directory;
    try {
      URI probe = resources.get(StandardLocation.CLASS_OUTPUT, ProgramFormat.DIRECTORY + "index").toUri();
      if (!"file".equals(probe.getScheme())) {
        return List.of();
      }
      directory = Path.of(probe).getParent();
    } catch (IOException | IllegalArgumentException e) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(directory)) {
      files = list.filter(f -> f.getFileName().toString().endsWith(ProgramFormat.SUFFIX)).sorted().toList();
    } catch (IOException e) {
      // No summaries written there yet.
      return List.of();
    }
    List<ProgramUnit> units = new ArrayList<>();
    for (Path file : files) {
      try {
        List<ProgramUnit> read = ProgramFormat.read(Files.readAllBytes(file), file.toString());
        read.forEach(u -> fromOutput.add(u.file()));
        units.addAll(read);
      } catch (IOException e) {
        problems.add(file + ": cannot be read: " + e.getMessage());
      } catch (FactsFormatException e) {
        // An earlier build's output, typically by an older LockdepCheck: this compilation
        // rewrites the files of the packages it compiles, so a stale file is dropped rather than
        // failing every build until a clean one.
      }
    }
    return units;
  }

  private List<ProgramUnit> readPackage(String packageName) {
    String name = ProgramFormat.resourceName(packageName);
    FileObject resource;
    byte[] bytes;
    try {
      resource = resources.get(StandardLocation.CLASS_PATH, name);
      try (InputStream in = resource.openInputStream()) {
        bytes = in.readAllBytes();
      }
    } catch (IOException | IllegalArgumentException e) {
      // No summaries for this package on the class path.
      return List.of();
    }
    String source = describe(resource.toUri(), name);
    try {
      List<ProgramUnit> units = ProgramFormat.read(bytes, source);
      if (isOutput(resource.toUri(), name)) {
        units.forEach(u -> fromOutput.add(u.file()));
      }
      return units;
    } catch (FactsFormatException e) {
      // A stale file of this module's own output is rewritten (see readOutput); one from a
      // library is an error naming it.
      if (!isOutput(resource.toUri(), name)) {
        problems.add(e.getMessage());
      }
      return List.of();
    }
  }

  /**
   * Writes the current units into the class output, by package, with the units of the same
   * packages that an earlier build of this module wrote there and that were not recompiled: an
   * incremental build must not forget the files it did not compile.
   */
  void write(Collection<ProgramUnit> current, Collection<ProgramUnit> classpath) {
    Map<String, List<ProgramUnit>> byPackage = new TreeMap<>();
    for (ProgramUnit unit : current) {
      byPackage.computeIfAbsent(unit.packageName(), p -> new ArrayList<>()).add(unit);
    }
    for (ProgramUnit unit : classpath) {
      if (fromOutput.contains(unit.file())) {
        List<ProgramUnit> units = byPackage.get(unit.packageName());
        if (units != null) {
          units.add(unit);
        }
      }
    }
    for (Map.Entry<String, List<ProgramUnit>> entry : byPackage.entrySet()) {
      write(entry.getKey(), entry.getValue());
    }
  }

  private void write(String packageName, List<ProgramUnit> units) {
    String name = ProgramFormat.resourceName(packageName);
    try {
      FileObject resource = resources.createInClassOutput(name);
      String path = resource.toUri().getPath();
      if (path == null || !path.endsWith("/" + name)) {
        // No class output directory (javac without -d): nothing later could read it.
        return;
      }
      try (OutputStream out = resource.openOutputStream()) {
        out.write(ProgramFormat.write(units));
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      problems.add(name + ": cannot be written: " + e.getMessage());
    }
  }

  private boolean isOutput(URI found, String name) {
    try {
      return resources.get(StandardLocation.CLASS_OUTPUT, name).toUri().equals(found);
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /** {@code lib.jar!META-INF/lockdep/p.summaries}, or the file's path. */
  private static String describe(URI uri, String name) {
    String text = uri.toString();
    int bang = text.indexOf("!/");
    if (text.startsWith("jar:") && bang > 0) {
      String jar = text.substring("jar:".length(), bang);
      return jar.substring(jar.lastIndexOf('/') + 1) + "!" + name;
    }
    return uri.getPath() == null ? text : uri.getPath();
  }

  /** Queues the packages a unit's summaries name. */
  private static void reach(ProgramUnit unit, Deque<String> packages, Set<String> seen) {
    enqueue(unit.packageName(), packages, seen);
    for (MethodSummary method : unit.methods()) {
      for (String id : method.overrides()) {
        enqueue(packageOf(id), packages, seen);
      }
      for (MethodSummary.CallSite call : method.calls()) {
        enqueue(packageOf(call.callee()), packages, seen);
        for (MethodSummary.Argument argument : call.arguments()) {
          for (MethodSummary.Callback callback : argument.callbacks()) {
            enqueue(packageOf(callback.target()), packages, seen);
          }
        }
      }
    }
  }

  private static void enqueue(String packageName, Deque<String> packages, Set<String> seen) {
    if (packageName != null && seen.add(packageName)) {
      packages.add(packageName);
    }
  }

  /**
   * The package of a method id {@code com.acme.Outer.Inner#m()}: the segments of its owner before
   * the first capitalised one, by Java naming convention; null for lambdas and JDK types.
   */
  static String packageOf(String id) {
    int hash = id.indexOf('#');
    if (hash < 0 || id.startsWith("java.") || id.startsWith("javax.") || id.startsWith("jdk.")) {
      return null;
    }
    // The package segments are a prefix of the owner: it ends where the first empty or
    // capitalised segment starts, less the dot before it.
    int end = 0;
    for (int start = 0; start < hash; ) {
      int dot = id.indexOf('.', start);
      int segmentEnd = dot < 0 || dot > hash ? hash : dot;
      if (segmentEnd == start || Character.isUpperCase(id.charAt(start))) {
        break;
      }
      end = segmentEnd;
      start = segmentEnd + 1;
    }
    return id.substring(0, end);
  }
}
