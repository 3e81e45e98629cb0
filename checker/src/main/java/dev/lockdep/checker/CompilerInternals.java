package dev.lockdep.checker;

import com.sun.source.util.JavacTask;
import com.sun.tools.javac.api.BasicJavacTask;
import com.sun.tools.javac.util.Context;

/**
 * javac's context, for what its public API does not give a plugin: its file manager
 * ({@link CompilerFileManager}) and its warning count ({@link WarningLimit}). Used only when
 * {@code jdk.compiler} exports its internals to the plugin ({@code --add-exports
 * jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED} and {@code ...javac.util}, as Error Prone
 * builds already have); otherwise nothing here touches them, so a plain javac never sees an access
 * error.
 */
final class CompilerInternals {
  private static final String[] PACKAGES = {"com.sun.tools.javac.api", "com.sun.tools.javac.util"};

  private CompilerInternals() {}

  /** The context of {@code task}; null when javac's internals are closed to the plugin. */
  static Context context(JavacTask task) {
    Module compiler = JavacTask.class.getModule();
    Module plugin = CompilerInternals.class.getModule();
    for (String name : PACKAGES) {
      if (!compiler.isExported(name, plugin)) {
        return null;
      }
    }
    try {
      return task instanceof BasicJavacTask basic ? basic.getContext() : null;
    } catch (LinkageError e) {
      // A javac whose internals are not the ones this was compiled against: as without the exports.
      return null;
    }
  }
}
