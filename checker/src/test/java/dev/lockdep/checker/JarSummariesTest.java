package dev.lockdep.checker;

import static dev.lockdep.checker.FactsFilesTest.compile;
import static dev.lockdep.checker.FactsFilesTest.unitEntry;
import static dev.lockdep.checker.PluginCompiler.deleteTree;
import static dev.lockdep.checker.TestJars.jar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockdep.lockgraph.program.ProgramFormat;
import dev.lockdep.lockgraph.program.ProgramUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Libraries in jars (SPEC §6): the summaries under {@code META-INF/lockdep/} of a jar on the class
 * path or module path are read, with the checker's processor and without it ({@code -proc:none},
 * javac's file manager through the exports this test JVM has), whatever the jar merges, and an
 * entry that cannot be read is one error naming the jar and the entry.
 */
class JarSummariesTest {
  private static final Path REACTOR = TestdataProgramsTest.PROGRAMS.resolveSibling("crossmodule");
  private static final Path LIBRARY = REACTOR.resolve("library/src/main/java");
  private static final Path APPLICATION = REACTOR.resolve("application/src/main/java");
  private static final String CYCLE =
      "Screen.java:22: [LockOrderInversion] possible circular locking dependency detected: acquiring Screen.paint"
          + " while holding EventLoop.lock";
  private static final String EVENT_LOOP = unitEntry("com/example/events/EventLoop.java");

  @TempDir Path dir;

  private static List<Path> javaFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** The library of {@code testdata/crossmodule} compiled with the plugin into {@code name}. */
  private Path library(String name) throws IOException {
    Path classes = dir.resolve(name);
    assertEquals(List.of(), compile(javaFiles(LIBRARY), classes));
    return classes;
  }

  private List<String> compileApplication(List<Path> sources, Path library, boolean processing) throws IOException {
    return compile(sources, dir.resolve("application"), library, processing);
  }

  @ParameterizedTest(name = "processing: {0}")
  @ValueSource(booleans = {true, false})
  void theSummariesOfALibraryJarAreRead(boolean processing) throws Exception {
    Path jar = jar(dir.resolve("events.jar"), library("events"));
    List<String> found = compileApplication(javaFiles(APPLICATION), jar, processing);
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).startsWith(CYCLE), found::toString);
  }

  /** javac reads the jars a jar's manifest names in {@code Class-Path}; so are their summaries. */
  @Test
  void aJarNamedByAClassPathManifestEntryIsRead() throws Exception {
    jar(dir.resolve("events.jar"), library("events"));
    Manifest manifest = TestJars.manifest();
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "events.jar");
    Path dependencies = jar(dir.resolve("dependencies.jar"), manifest);
    List<String> found = compileApplication(javaFiles(APPLICATION), dependencies, true);
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).startsWith(CYCLE), found::toString);
  }

  @ParameterizedTest(name = "processing: {0}")
  @ValueSource(booleans = {true, false})
  void theSummariesOfAModularJarOnTheModulePathAreRead(boolean processing) throws Exception {
    Path library = dir.resolve("library");
    copy(LIBRARY, library);
    Files.writeString(library.resolve("module-info.java"), "module events { exports com.example.events; }\n");
    Path classes = dir.resolve("events");
    assertEquals(List.of(), compile(javaFiles(library), classes, List.of(), true));
    Path jar = jar(dir.resolve("events.jar"), classes);
    Path application = dir.resolve("ui");
    copy(APPLICATION, application);
    Files.writeString(application.resolve("module-info.java"), "module ui { requires events; }\n");
    List<String> found =
        compile(javaFiles(application), dir.resolve("application"), List.of("--module-path", jar.toString()), processing);
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).startsWith(CYCLE), found::toString);
  }

  /**
   * An API jar with no summaries in a {@code javax} package no JDK module has ({@code javax.cache},
   * as JSR-107's jar ships it): a call through it dispatches to the program's implementations, as
   * through any library interface, and closes the cycle of caffeine's jcache provider deadlock.
   */
  @Test
  void aCallThroughAJavaxApiJarRunsTheProgramsImplementations() throws Exception {
    Path jar =
        apiJar(
            "javax/cache/CacheManager.java",
            """
            package javax.cache;

            public interface CacheManager extends java.io.Closeable {
              @Override
              void close();
            }
            """);
    Path sources = Files.createDirectories(dir.resolve("provider/p"));
    Files.writeString(
        sources.resolve("Provider.java"),
        """
        package p;

        import java.util.HashMap;
        import java.util.Map;
        import javax.cache.CacheManager;

        public class Provider {
          private final Map<String, CacheManager> managers = new HashMap<>();

          public void register(String uri, CacheManager manager) {
            synchronized (managers) {
              managers.put(uri, manager);
            }
          }

          public void close() {
            synchronized (managers) {
              for (CacheManager manager : managers.values()) {
                manager.close();
              }
            }
          }

          void forget(String uri) {
            synchronized (managers) {
              managers.remove(uri);
            }
          }
        }
        """);
    Files.writeString(
        sources.resolve("Manager.java"),
        """
        package p;

        class Manager implements javax.cache.CacheManager {
          private final Object lock = new Object();
          private final Provider provider = new Provider();

          @Override
          public void close() {
            synchronized (lock) {
              provider.forget("uri");
            }
          }
        }
        """);
    List<String> found = compileApplication(javaFiles(sources), jar, true);
    assertTrue(
        found.stream().anyMatch(f -> f.contains("[LockOrderInversion]") && f.contains("Provider.managers -> Manager.lock")),
        found::toString);
  }

  /**
   * A call through a library's interface (an API jar without summaries) runs the implementations
   * the type flow brings to its receiver, as one through the program's own interface does: a sink's
   * finish listener is the connection's, not a listener of connections handed to the library.
   * Before, a static type no summary declares made the flow's types unknown, and the call ran
   * every implementation.
   */
  @Test
  void aCallThroughALibraryInterfaceRunsWhatTheFlowBrings() throws Exception {
    Path jar =
        apiJar(
            "xlib/Listener.java",
            """
            package xlib;

            public interface Listener<T> {
              void handleEvent(T t);

              static <T> void install(Listener<T> listener) {}
            }
            """);
    Path sources = Files.createDirectories(dir.resolve("listeners/p"));
    Files.writeString(
        sources.resolve("Sink.java"),
        """
        package p;

        import xlib.Listener;

        class Sink {
          private final Object lock = new Object();
          private final Listener<Sink> finishListener;

          Sink(Listener<Sink> finishListener) {
            this.finishListener = finishListener;
          }

          void complete() {
            synchronized (lock) {
              finishListener.handleEvent(this);
            }
          }
        }
        """);
    Files.writeString(
        sources.resolve("Conn.java"),
        """
        package p;

        import xlib.Listener;

        class Conn {
          static final Object GLOBAL = new Object();
          private final Listener<Sink> finishListener =
              new Listener<Sink>() {
                @Override
                public void handleEvent(Sink sink) {}
              };

          Sink open() {
            return new Sink(finishListener);
          }

          static void install() {
            Listener.install(
                new Listener<Sink>() {
                  @Override
                  public void handleEvent(Sink sink) {
                    synchronized (GLOBAL) {
                    }
                  }
                });
          }

          void reverse(Sink sink) {
            synchronized (GLOBAL) {
              sink.complete();
            }
          }
        }
        """);
    assertEquals(List.of(), compileApplication(javaFiles(sources), jar, true));
  }

  /** A jar of the API {@code source} declares, compiled without summaries, as an API jar ships. */
  private Path apiJar(String path, String source) throws IOException {
    Path file = dir.resolve("api").resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    Path classes = dir.resolve("api-classes");
    assertEquals(List.of(), compile(List.of(file), classes));
    deleteTree(classes.resolve("META-INF"));
    return jar(dir.resolve("api.jar"), classes);
  }

  /**
   * Two libraries with classes in one package, merged into one jar: the cycle needs the summaries
   * of both (the application registers through the second library's registrar, under its lock).
   */
  @Test
  void aMergedJarKeepsTheSummariesOfEveryLibraryInIt() throws Exception {
    Path events = library("events");
    Path registrar =
        Files.writeString(
            Files.createDirectories(dir.resolve("registrar/com/example/events")).resolve("Registrar.java"),
            """
            package com.example.events;

            public class Registrar {
              public static void attach(EventLoop loop, Listener listener) {
                loop.register(listener);
              }
            }
            """);
    Path registrars = dir.resolve("registrars");
    assertEquals(List.of(), compile(List.of(registrar), registrars, events));
    Path merged = jar(dir.resolve("merged.jar"), events, registrars);
    Path screen =
        Files.writeString(
            Files.createDirectories(dir.resolve("ui/com/example/ui")).resolve("Screen.java"),
            """
            package com.example.ui;

            import com.example.events.EventLoop;
            import com.example.events.Listener;
            import com.example.events.Registrar;

            public class Screen implements Listener {
              private final Object paint = new Object();
              private final EventLoop loop;

              public Screen(EventLoop loop) {
                this.loop = loop;
              }

              @Override
              public void onEvent() {
                synchronized (paint) {
                }
              }

              public void attach() {
                synchronized (paint) {
                  Registrar.attach(loop, this);
                }
              }
            }
            """);
    List<String> found = compileApplication(List.of(screen), merged, true);
    assertEquals(1, found.size(), found::toString);
    assertTrue(
        found.get(0).startsWith(
            "Screen.java:17: [LockOrderInversion] possible circular locking dependency detected: acquiring Screen.paint"
                + " while holding EventLoop.lock"),
        found::toString);
  }

  /**
   * Test sources share a package with the main classes in a jar, and call an interface of a third
   * library that a main class implements: nothing names that class, but its package is the
   * compilation's own, so it is read and the call dispatches to it.
   */
  @ParameterizedTest(name = "processing: {0}")
  @ValueSource(booleans = {true, false})
  void theMainClassesOfAPackageTheTestsShareAreRead(boolean processing) throws Exception {
    Path listener =
        Files.writeString(
            Files.createDirectories(dir.resolve("api/q")).resolve("Listener.java"),
            "package q;\npublic interface Listener { void onEvent(); }\n");
    Path api = dir.resolve("api-classes");
    assertEquals(List.of(), compile(List.of(listener), api));
    Path impl =
        Files.writeString(
            Files.createDirectories(dir.resolve("main/p")).resolve("Impl.java"),
            "package p;\npublic class Impl implements q.Listener {\n"
                + "  public void onEvent() { synchronized (Impl.class) { } }\n}\n");
    Path main = dir.resolve("main-classes");
    assertEquals(List.of(), compile(List.of(impl), main, api));
    Path fire =
        Files.writeString(
            Files.createDirectories(dir.resolve("test/p")).resolve("Fire.java"),
            """
            package p;

            class Fire {
              final Object lock = new Object();

              void fire(q.Listener listener) {
                synchronized (lock) { listener.onEvent(); }
              }

              void back() {
                synchronized (Impl.class) { synchronized (lock) { } }
              }
            }
            """);
    Path jars = jar(dir.resolve("main.jar"), main, api);
    List<String> found = compileApplication(List.of(fire), jars, processing);
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("[LockOrderInversion]"), found::toString);
  }

  /** A jar built by an earlier version: one file per package, {@code META-INF/lockdep/<package>.summaries}. */
  @Test
  void aJarOfTheEarlierLayoutIsRead() throws Exception {
    Path classes = library("events");
    Path units = classes.resolve(SummariesLayout.packageDirectory("com.example.events"));
    List<ProgramUnit> read = new ArrayList<>();
    try (Stream<Path> files = Files.list(units)) {
      for (Path file : files.sorted().toList()) {
        read.addAll(ProgramFormat.read(Files.readAllBytes(file), file.toString()));
        Files.delete(file);
      }
    }
    Files.delete(units);
    Files.write(classes.resolve(ProgramFormat.resourceName("com.example.events")), ProgramFormat.write(read));
    Path jar = jar(dir.resolve("events.jar"), classes);
    List<String> found = compileApplication(javaFiles(APPLICATION), jar, true);
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).startsWith(CYCLE), found::toString);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"corrupt", "truncated", "future-version"})
  void anUnreadableEntryInAJarIsOneErrorNamingIt(String damage) throws Exception {
    Path classes = library("events");
    Path entry = classes.resolve(EVENT_LOOP);
    byte[] bytes = Files.readAllBytes(entry);
    String problem;
    switch (damage) {
      case "corrupt" -> {
        bytes[bytes.length / 2] ^= 0x55;
        problem = "checksum mismatch: the file is corrupt or truncated";
      }
      case "truncated" -> {
        bytes = Arrays.copyOf(bytes, bytes.length - 3);
        problem = "checksum mismatch: the file is corrupt or truncated";
      }
      default -> {
        bytes[5] = (byte) (ProgramFormat.VERSION + 1);
        problem = "lockdep summaries file version " + (ProgramFormat.VERSION + 1) + " is not supported";
      }
    }
    Files.write(entry, bytes);
    Path jar = jar(dir.resolve("events.jar"), classes);
    for (boolean processing : new boolean[] {true, false}) {
      List<String> found = compileApplication(javaFiles(APPLICATION), jar, processing);
      assertEquals(1, found.size(), found::toString);
      assertTrue(found.get(0).contains("[LockdepCheck] events.jar!" + EVENT_LOOP + ": " + problem), found::toString);
      assertFalse(found.get(0).contains("Exception"), found::toString);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        Files.createDirectories(target.getParent());
        Files.copy(source, target);
      }
    }
  }
}
