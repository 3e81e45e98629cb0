package dev.lockdep.checker;

import com.sun.source.util.JavacTask;
import com.sun.tools.javac.util.Context;
import javax.tools.JavaFileManager;

/**
 * javac's own file manager, for the summaries files of a compilation that runs no annotation
 * processor ({@code -proc:none}), and so gives the plugin no Filer. javac's public API has no way
 * to it; its internals do, when they are exported to the plugin ({@link CompilerInternals}).
 */
final class CompilerFileManager {
  private CompilerFileManager() {}

  /** The file manager of {@code task}; null when javac's internals are closed to the plugin. */
  static JavaFileManager of(JavacTask task) {
    Context context = CompilerInternals.context(task);
    try {
      return context == null ? null : context.get(JavaFileManager.class);
    } catch (LinkageError e) {
      // No summaries files, as without the exports, rather than a crash.
      return null;
    }
  }
}
