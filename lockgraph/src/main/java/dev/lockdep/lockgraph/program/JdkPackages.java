package dev.lockdep.lockgraph.program;

import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.util.HashSet;
import java.util.Set;

/**
 * Which names the JDK declares, the one place both the front end and the composition ask. {@code
 * java.*} and {@code jdk.*} belong to the platform alone. {@code javax.*} does not: beside the JDK's
 * own ({@code javax.swing}, {@code javax.net.ssl}, {@code javax.sql}) it holds the APIs libraries
 * ship as jars ({@code javax.cache}, {@code javax.servlet}, {@code javax.inject}, JSR-305's {@code
 * javax.annotation}), whose implementations are the program's: a call through {@code
 * javax.cache.CacheManager} must dispatch like a call through any library interface. So a {@code
 * javax} package is the JDK's when a module of the running JDK has it.
 */
public final class JdkPackages {
  private JdkPackages() {}

  /**
   * The {@code javax} packages of the running JDK's modules, read once per JVM (a few milliseconds
   * the first time, from the runtime image's module descriptors).
   */
  private static final class SystemJavax {
    static final Set<String> PACKAGES = read();

    private static Set<String> read() {
      Set<String> packages = new HashSet<>();
      for (ModuleReference module : ModuleFinder.ofSystem().findAll()) {
        for (String name : module.descriptor().packages()) {
          if (name.startsWith("javax.")) {
            packages.add(name);
          }
        }
      }
      return Set.copyOf(packages);
    }
  }

  /** Whether the JDK has the package {@code name}. */
  public static boolean isJdkPackage(String name) {
    if (!name.startsWith("j")) {
      return false;
    }
    return name.startsWith("java.") || name.startsWith("jdk.")
        || (name.startsWith("javax.") && SystemJavax.PACKAGES.contains(name));
  }

  /**
   * Whether the JDK declares the type or method {@code name}: a qualified type name ({@code
   * javax.swing.JTable.Model}) or a method id ({@code javax.cache.Cache#close()}), whose package is
   * {@link #packageOf}.
   */
  public static boolean declares(String name) {
    // Outside javax the package's first segment decides, which the whole name begins with.
    return name.startsWith("javax.") ? isJdkPackage(packageOf(name)) : isJdkPackage(name);
  }

  /**
   * The package of a qualified type name or method id, by Java naming convention: the owner's
   * segments before the first capitalised (or empty) one.
   */
  public static String packageOf(String name) {
    int hash = name.indexOf('#');
    int owner = hash < 0 ? name.length() : hash;
    int end = 0;
    for (int start = 0; start < owner; ) {
      int dot = name.indexOf('.', start);
      int segmentEnd = dot < 0 || dot > owner ? owner : dot;
      if (segmentEnd == start || Character.isUpperCase(name.charAt(start))) {
        break;
      }
      end = segmentEnd;
      start = segmentEnd + 1;
    }
    return name.substring(0, end);
  }
}
