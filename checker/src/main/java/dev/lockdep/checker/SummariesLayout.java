package dev.lockdep.checker;

import dev.lockdep.lockgraph.program.ProgramFormat;
import dev.lockdep.lockgraph.program.ProgramUnit;

/**
 * Where summaries files lie in a class output, a directory or a jar: one file per compilation
 * unit, {@code META-INF/lockdep/<package>/<File>.java.summaries}, so that a jar merging several
 * libraries (a shaded or fat jar) keeps the summaries of every class it keeps: two libraries'
 * files collide exactly where their source files, and so their classes, do.
 *
 * <p>Earlier versions wrote one file per package, {@code META-INF/lockdep/<package>.summaries};
 * those are still read, after the per-unit files of the same package, so that a unit rewritten
 * since wins over an older package file beside it.
 */
final class SummariesLayout {
  private SummariesLayout() {}

  /** {@code META-INF/lockdep/com.acme/Pool.java.summaries} for the unit {@code com/acme/Pool.java}. */
  static String unitEntry(ProgramUnit unit) {
    String file = unit.file();
    return packageDirectory(unit.packageName()) + file.substring(file.lastIndexOf('/') + 1) + ProgramFormat.SUFFIX;
  }

  /** {@code META-INF/lockdep/com.acme/}: where the unit files of a package are. */
  static String packageDirectory(String packageName) {
    String packageFile = packageEntry(packageName);
    return packageFile.substring(0, packageFile.length() - ProgramFormat.SUFFIX.length()) + "/";
  }

  /** {@code META-INF/lockdep/com.acme.summaries}: the file of a whole package, as earlier versions wrote it. */
  static String packageEntry(String packageName) {
    return ProgramFormat.resourceName(packageName);
  }

  /**
   * The package whose summaries the entry {@code name} holds, in either layout; null for any other
   * entry.
   */
  static String packageOf(String name) {
    if (!name.startsWith(ProgramFormat.DIRECTORY) || !name.endsWith(ProgramFormat.SUFFIX)) {
      return null;
    }
    String rest = name.substring(ProgramFormat.DIRECTORY.length());
    int slash = rest.indexOf('/');
    String token;
    if (slash < 0) {
      token = rest.substring(0, rest.length() - ProgramFormat.SUFFIX.length());
    } else if (rest.indexOf('/', slash + 1) < 0) {
      token = rest.substring(0, slash);
    } else {
      return null;
    }
    // The unnamed package's token is not a package name: reading the token back through the naming
    // function tells the two apart without a second copy of it.
    return packageEntry("").equals(ProgramFormat.DIRECTORY + token + ProgramFormat.SUFFIX) ? "" : token;
  }

  /** Whether {@code name} is a whole package's file of the earlier layout. */
  static boolean isPackageEntry(String name) {
    return name.indexOf('/', ProgramFormat.DIRECTORY.length()) < 0;
  }
}
