package dev.lockdep.lockgraph.bench;

import dev.lockdep.lockgraph.FactsFormatException;
import dev.lockdep.lockgraph.HeldLock;
import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.Provenance;
import dev.lockdep.lockgraph.program.MethodSummary;
import dev.lockdep.lockgraph.program.ProgramFormat;
import dev.lockdep.lockgraph.program.ProgramUnit;
import dev.lockdep.lockgraph.program.SummaryComposer;
import dev.lockdep.lockgraph.program.SummaryComposer.AtomicSleep;
import dev.lockdep.lockgraph.program.SummaryComposer.ComposedAcquisition;
import dev.lockdep.lockgraph.program.SummaryComposer.Composition;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Composes the method summaries real compilations wrote: {@code CompositionBenchmark [-n rounds]
 * project...}, a project being a directory of {@code *.summaries} files (or a class output with
 * them under {@code META-INF/lockdep/}), optionally followed by {@code :} and the directories of
 * the summaries it was compiled against, which compose as its class path.
 *
 * <p>Per project it prints the units, bodies and call sites of the current compilation, the best
 * and median wall time, the best thread CPU time and the allocation of one {@link
 * SummaryComposer#compose}, and the SHA-256 of a dump of the composition that names every field,
 * so that a change to the composer can be checked to give exactly the same result. The records'
 * own {@code toString} would not do: a lock class prints its display name only and a provenance
 * its short position, without the call chain. The last column says whether composing the units in
 * a shuffled order gives the same hash.
 */
public final class CompositionBenchmark {
  private CompositionBenchmark() {}

  public static void main(String[] args) throws IOException, FactsFormatException {
    int rounds = 10;
    List<String> projects = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("-n")) {
        rounds = Integer.parseInt(args[++i]);
      } else {
        projects.add(args[i]);
      }
    }
    System.out.printf(Locale.ROOT, "%-16s %6s %7s %7s %9s %9s %9s %9s  %-16s %s%n",
        "project", "units", "bodies", "calls", "best ms", "median", "cpu ms", "alloc MB", "sha-256", "shuffled");
    for (String project : projects) {
      String[] dirs = project.split(File.pathSeparator);
      List<ProgramUnit> current = units(Path.of(dirs[0]));
      List<ProgramUnit> classpath = new ArrayList<>();
      for (int i = 1; i < dirs.length; i++) {
        classpath.addAll(units(Path.of(dirs[i])));
      }
      run(name(Path.of(dirs[0])), current, classpath, rounds);
    }
  }

  private static void run(String name, List<ProgramUnit> current, List<ProgramUnit> classpath, int rounds) {
    int bodies = 0;
    int calls = 0;
    for (ProgramUnit unit : current) {
      bodies += unit.methods().size();
      for (MethodSummary method : unit.methods()) {
        calls += method.calls().size();
      }
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] wall = new long[rounds];
    long[] cpu = new long[rounds];
    long alloc = 0;
    Composition composition = null;
    for (int i = 0; i < rounds; i++) {
      long a0 = threads.getCurrentThreadAllocatedBytes();
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      composition = SummaryComposer.compose(current, classpath);
      wall[i] = System.nanoTime() - t0;
      cpu[i] = threads.getCurrentThreadCpuTime() - c0;
      alloc = threads.getCurrentThreadAllocatedBytes() - a0;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    String hash = hash(composition);
    List<ProgramUnit> shuffledCurrent = new ArrayList<>(current);
    List<ProgramUnit> shuffledClasspath = new ArrayList<>(classpath);
    Random random = new Random(42);
    Collections.shuffle(shuffledCurrent, random);
    Collections.shuffle(shuffledClasspath, random);
    boolean sameShuffled = hash.equals(hash(SummaryComposer.compose(shuffledCurrent, shuffledClasspath)));
    System.out.printf(Locale.ROOT, "%-16s %6d %7d %7d %9.1f %9.1f %9.1f %9.1f  %-16s %s%n",
        name, current.size(), bodies, calls, wall[0] / 1e6, wall[rounds / 2] / 1e6, cpu[0] / 1e6, alloc / 1e6,
        hash.substring(0, 16), sameShuffled ? "same" : "DIFFERENT");
  }

  /** The artifact a summaries directory belongs to: the directory above the class output. */
  private static String name(Path dir) {
    Path path = dir.toAbsolutePath().normalize();
    while (path.getParent() != null
        && Stream.of("lockdep", "META-INF", "classes").anyMatch(path.getFileName().toString()::equals)) {
      path = path.getParent();
    }
    return path.getFileName().toString();
  }

  private static List<ProgramUnit> units(Path dir) throws IOException, FactsFormatException {
    Path summaries = dir.resolve(ProgramFormat.DIRECTORY);
    Path from = Files.isDirectory(summaries) ? summaries : dir;
    List<Path> files;
    // A class output has a directory of files per package; a directory of files, the files.
    try (Stream<Path> list = Files.walk(from, 2)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(ProgramFormat.SUFFIX)).sorted().toList();
    }
    List<ProgramUnit> units = new ArrayList<>();
    for (Path file : files) {
      units.addAll(ProgramFormat.read(Files.readAllBytes(file), file.toString()));
    }
    return units;
  }

  /** SHA-256 of a dump of every field of {@code composition}, in its order. */
  static String hash(Composition composition) {
    StringBuilder dump = new StringBuilder();
    for (Map.Entry<String, List<ComposedAcquisition>> unit : composition.acquisitions().entrySet()) {
      dump.append("unit ").append(unit.getKey()).append('\n');
      for (ComposedAcquisition acquisition : unit.getValue()) {
        dump.append("  acquire ");
        lock(acquisition.next(), dump);
        dump.append("\n    held");
        for (HeldLock held : acquisition.held()) {
          dump.append(' ');
          lock(held, dump);
        }
        dump.append("\n    ").append(acquisition.irq()).append(' ').append(new TreeSet<>(acquisition.suppressed()));
        dump.append(" anchor ");
        provenance(acquisition.anchor(), dump);
        dump.append('\n');
      }
    }
    for (Map.Entry<String, List<AtomicSleep>> unit : composition.sleeps().entrySet()) {
      dump.append("sleeps ").append(unit.getKey()).append('\n');
      for (AtomicSleep sleep : unit.getValue()) {
        dump.append("  ").append(sleep.what()).append(' ');
        provenance(sleep.at(), dump);
        dump.append(' ').append(sleep.irq()).append("\n    held");
        for (HeldLock held : sleep.held()) {
          dump.append(' ');
          lock(held, dump);
        }
        dump.append("\n    ").append(new TreeSet<>(sleep.suppressed())).append(" anchor ");
        provenance(sleep.anchor(), dump);
        dump.append('\n');
      }
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(dump.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static void lock(HeldLock lock, StringBuilder dump) {
    LockClass lockClass = lock.lockClass();
    dump.append('[').append(lockClass.key()).append('/').append(lockClass.subclass()).append(' ')
        .append(lockClass.name()).append(' ').append(lockClass.reentrant()).append(' ').append(lockClass.pseudo())
        .append(' ').append(lock.read()).append(' ').append(lock.trylock()).append(' ').append(lock.instance())
        .append(" at ");
    provenance(lock.acquiredAt(), dump);
    dump.append(']');
  }

  private static void provenance(Provenance at, StringBuilder dump) {
    if (at == null) {
      dump.append("null");
      return;
    }
    dump.append(at.file()).append(':').append(at.line()).append(':').append(at.column()).append(' ')
        .append(at.method()).append(" via ").append(at.callChain());
  }
}
