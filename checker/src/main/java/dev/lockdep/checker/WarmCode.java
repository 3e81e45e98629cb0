package dev.lockdep.checker;

import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;
import dev.lockdep.lockgraph.LockClass;
import java.io.File;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.processing.Processor;

/**
 * The checker's classes loaded once per JVM and shared by its compilations. javac loads a plugin
 * and its processors through a class loader of its own in every compilation (Maven's in-process
 * compiler makes one per module, a build daemon one per build), so the checker's code would start
 * interpreted in each compilation and the JIT would compile it again: on a small project that is
 * most of what the checker costs ({@code docs/performance.md}, "Code kept warm").
 * The entry points javac loads ({@link LockdepCheck}, {@link LockdepFactsProcessor}) hand their
 * work to the same classes of a loader kept for the JVM, whose code the JIT has compiled already.
 *
 * <p>One loader is kept per set of the checker's jars, by their paths; a rebuilt jar (another size
 * or modification time) gets a new loader in place of the old one. It is kept softly, so memory
 * pressure can take it. It loads the checker's jars only, with the parent javac gave the
 * compilation's loader; the processor path's other jars are read through that compilation loader
 * (the models files on it).
 * It is used only where it is safe and helps: the checker's classes come from jar files, through a
 * loader other than the application's (which lives as long as the JVM already: the command-line
 * runner, a test's class path). {@code -Dlockdep.warmCode=false} turns it off.
 *
 * <p>The loaders are kept in the system properties, the one map a JVM shares between class loaders
 * without a class of its own, under a key no property of the JVM or of a build has. The checker's
 * classes keep no state between compilations but per {@link JavacTask}, in weak maps, and every
 * such map is synchronized: concurrent compilations of one JVM (a parallel build) share them.
 */
final class WarmCode {
  /** The system property that turns it off: {@code -Dlockdep.warmCode=false}. */
  static final String PROPERTY = "lockdep.warmCode";

  /** The system properties' key of the kept loaders: by the checker's jars' paths, with their sizes and times. */
  static final String LOADERS = "dev.lockdep.checker.WarmCode.loaders";

  /** The name of a kept loader, as class loading logs and heap dumps show it. */
  private static final String NAME = "LockdepCheck (kept warm)";

  /**
   * The checker's jars as this loader has them: their paths (the key of the kept loader), their
   * sizes and modification times (which the kept loader's jars must have) and their addresses.
   * Asked once, since a loader's classes never change.
   */
  private static boolean asked;

  private static String paths;

  private static String stamps;

  private static URL[] jars;

  private WarmCode() {}

  /** The plugin of the kept loader, for this compilation; null when this loader's classes do the work. */
  static Plugin plugin() {
    ClassLoader loader = kept(true);
    if (loader == null) {
      return null;
    }
    try {
      return (Plugin) loader.loadClass(LockdepCheck.class.getName())
          .getConstructor(ClassLoader.class)
          .newInstance(WarmCode.class.getClassLoader());
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }

  /**
   * The processor of the kept loader, for this compilation; null when this loader's classes do the
   * work. None is made for it: javac initialises plugins before processors, so a plugin that runs
   * from a kept loader made it already, and without one the processor has no session to serve.
   */
  static Processor processor() {
    ClassLoader loader = kept(false);
    if (loader == null) {
      return null;
    }
    try {
      return (Processor) loader.loadClass(LockdepFactsProcessor.class.getName()).getConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }

  /**
   * Whether the plugin runs in {@code task} from the kept loader: Error Prone's checks, loaded
   * through the compilation's own loader, ask so that a finding is reported once.
   */
  static boolean attachedThere(JavacTask task) {
    ClassLoader loader = kept(false);
    if (loader == null) {
      return false;
    }
    try {
      Method attached = loader.loadClass(LockdepSession.class.getName()).getMethod("isAttached", JavacTask.class);
      return (Boolean) attached.invoke(null, task);
    } catch (ReflectiveOperationException | LinkageError e) {
      return false;
    }
  }

  /**
   * The kept loader of the checker's jars for the classes of this loader, made if {@code make} and
   * there is none; null when these classes do the work.
   */
  private static ClassLoader kept(boolean make) {
    ClassLoader own = WarmCode.class.getClassLoader();
    if (!jars(own)) {
      return null;
    }
    Map<String, Map.Entry<String, SoftReference<ClassLoader>>> loaders = loaders();
    if (loaders == null) {
      return null;
    }
    ClassLoader parent = own.getParent();
    synchronized (loaders) {
      Map.Entry<String, SoftReference<ClassLoader>> entry = loaders.get(paths);
      ClassLoader loader = entry == null || !entry.getKey().equals(stamps) ? null : entry.getValue().get();
      // A loader of the jars as they were before a rebuild, or made for another parent (another
      // javac of the JVM), is replaced, not kept beside.
      if (loader == null || loader.getParent() != parent) {
        if (!make) {
          return null;
        }
        loader = new URLClassLoader(NAME, jars, parent);
        loaders.put(paths, Map.entry(stamps, new SoftReference<>(loader)));
      }
      return loader == own ? null : loader;
    }
  }

  /** Whether the checker's classes of {@code own} come from jar files that a kept loader may load. */
  private static synchronized boolean jars(ClassLoader own) {
    if (!asked) {
      asked = true;
      if (own != null && own != ClassLoader.getSystemClassLoader() && !"false".equals(System.getProperty(PROPERTY))) {
        Path checker = jar(WarmCode.class.getProtectionDomain().getCodeSource());
        Path lockgraph = jar(LockClass.class.getProtectionDomain().getCodeSource());
        if (checker != null && lockgraph != null) {
          Path[] paths = checker.equals(lockgraph) ? new Path[] {checker} : new Path[] {checker, lockgraph};
          StringBuilder names = new StringBuilder();
          StringBuilder sizesAndTimes = new StringBuilder();
          URL[] urls = new URL[paths.length];
          try {
            for (int i = 0; i < paths.length; i++) {
              names.append(paths[i]).append(File.pathSeparatorChar);
              sizesAndTimes.append(Files.size(paths[i])).append('@').append(Files.getLastModifiedTime(paths[i]).toMillis()).append(' ');
              urls[i] = paths[i].toUri().toURL();
            }
            WarmCode.paths = names.toString();
            stamps = sizesAndTimes.toString();
            jars = urls;
          } catch (IOException e) {
            // A jar gone or unreadable: the compilation's own classes do the work.
          }
        }
      }
    }
    return jars != null;
  }

  /** The map of kept loaders, made on first use; null when the key holds something else. */
  @SuppressWarnings("unchecked")
  private static Map<String, Map.Entry<String, SoftReference<ClassLoader>>> loaders() {
    Object loaders = System.getProperties().computeIfAbsent(LOADERS, key -> new ConcurrentHashMap<>());
    return loaders instanceof ConcurrentHashMap<?, ?> map ? (Map<String, Map.Entry<String, SoftReference<ClassLoader>>>) map : null;
  }

  /** The jar file {@code source} is, or null: a class folder, or no file. */
  private static Path jar(CodeSource source) {
    if (source == null || source.getLocation() == null || !"file".equals(source.getLocation().getProtocol())) {
      return null;
    }
    try {
      Path path = Path.of(source.getLocation().toURI()).toAbsolutePath();
      return Files.isRegularFile(path) ? path : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }
}
