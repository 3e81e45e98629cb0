package dev.lockdep.checker;

import dev.lockdep.lockgraph.program.ProgramFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The jars and directories one compilation reads summaries files from, each looked into by
 * itself rather than through javac's file manager: javac indexes a jar by its package
 * directories and skips {@code META-INF}, so neither its file manager nor the Filer over it can
 * find an entry there. Each jar is opened and indexed once, when the first package is looked up
 * in it, and closed with this.
 */
final class SummariesContainers implements AutoCloseable {
  /** One summaries file: its name in errors ({@code lib.jar!META-INF/lockdep/...} or a path) and its bytes. */
  record SummariesFile(String source, byte[] bytes) {}

  /** A package's unit files by name, then the whole-package file of the earlier layout. */
  private static final Comparator<String> READING_ORDER =
      Comparator.comparing(SummariesLayout::isPackageEntry).thenComparing(Comparator.naturalOrder());

  private final Consumer<String> problems;
  private final Map<Path, Optional<Jar>> jars = new HashMap<>();

  /** {@code problems} receives each file that cannot be read, as {@code <name>: <problem>}. */
  SummariesContainers(Consumer<String> problems) {
    this.problems = problems;
  }

  /** The summaries files of {@code packageName} in the jar or directory {@code container}, in reading order. */
  List<SummariesFile> read(Path container, String packageName) {
    if (Files.isDirectory(container)) {
      return readDirectory(container, packageName);
    }
    return jars.computeIfAbsent(container, this::open).map(jar -> jar.read(packageName, problems)).orElse(List.of());
  }

  /** Every package that has summaries files in the directory {@code root} (a class output), sorted. */
  static List<String> packages(Path root) {
    TreeSet<String> packages = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root.resolve(ProgramFormat.DIRECTORY), 2)) {
      files.forEach(
          file -> {
            String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            String packageName = SummariesLayout.packageOf(name);
            if (packageName != null) {
              packages.add(packageName);
            }
          });
    } catch (IOException e) {
      // No summaries written there yet.
    }
    return new ArrayList<>(packages);
  }

  private List<SummariesFile> readDirectory(Path root, String packageName) {
    List<Path> found = new ArrayList<>();
    Path units = root.resolve(SummariesLayout.packageDirectory(packageName));
    if (Files.isDirectory(units)) {
      try (Stream<Path> list = Files.list(units)) {
        list.filter(f -> f.getFileName().toString().endsWith(ProgramFormat.SUFFIX)).sorted().forEach(found::add);
      } catch (IOException e) {
        problems.accept(units + ": cannot be listed: " + e.getMessage());
      }
    }
    Path packageFile = root.resolve(SummariesLayout.packageEntry(packageName));
    if (Files.isRegularFile(packageFile)) {
      found.add(packageFile);
    }
    List<SummariesFile> files = new ArrayList<>();
    for (Path file : found) {
      try {
        files.add(new SummariesFile(file.toString(), Files.readAllBytes(file)));
      } catch (IOException e) {
        problems.accept(file + ": cannot be read: " + e.getMessage());
      }
    }
    return files;
  }

  /** The jar at {@code path}, indexed; empty when it cannot be opened. */
  private Optional<Jar> open(Path path) {
    String jarName = String.valueOf(path.getFileName());
    ZipFile zip;
    try {
      zip = new ZipFile(path.toFile());
    } catch (IOException e) {
      problems.accept(jarName + ": cannot be read: " + e.getMessage());
      return Optional.empty();
    }
    Map<String, List<String>> byPackage = new HashMap<>();
    zip.stream()
        .filter(entry -> !entry.isDirectory())
        .forEach(
            entry -> {
              String packageName = SummariesLayout.packageOf(entry.getName());
              if (packageName != null) {
                byPackage.computeIfAbsent(packageName, p -> new ArrayList<>()).add(entry.getName());
              }
            });
    byPackage.values().forEach(names -> names.sort(READING_ORDER));
    return Optional.of(new Jar(jarName, zip, byPackage));
  }

  @Override
  public void close() {
    jars.values().forEach(jar -> jar.ifPresent(Jar::close));
    jars.clear();
  }

  /** An opened jar and the names of its summaries entries by package, in reading order. */
  private record Jar(String name, ZipFile zip, Map<String, List<String>> byPackage) {
    List<SummariesFile> read(String packageName, Consumer<String> problems) {
      List<SummariesFile> files = new ArrayList<>();
      for (String entry : byPackage.getOrDefault(packageName, List.of())) {
        String source = name + "!" + entry;
        try (InputStream in = zip.getInputStream(zip.getEntry(entry))) {
          files.add(new SummariesFile(source, in.readAllBytes()));
        } catch (IOException e) {
          problems.accept(source + ": cannot be read: " + e.getMessage());
        }
      }
      return files;
    }

    void close() {
      try {
        zip.close();
      } catch (IOException e) {
        // Everything needed has been read.
      }
    }
  }
}
