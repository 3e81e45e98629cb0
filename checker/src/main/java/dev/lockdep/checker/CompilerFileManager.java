package dev.lockdep.checker;

import com.sun.source.util.JavacTask;
import com.sun.tools.javac.api.BasicJavacTask;
import javax.tools.JavaFileManager;

/**
 * javac's own file manager, for the summaries files of a compilation that runs no annotation
 * processor ({@code -proc:none}), and so gives the plugin no Filer. javac's public API has no way
 * to it; its internals do, and they are used only when {@code jdk.compiler} exports them to the
 * plugin ({@code --add-exports jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED} and
 * {@code ...javac.util}, as Error Prone builds already have). Otherwise nothing here touches them,
 * so a plain javac never sees an access error.
 */
final class CompilerFileManager {
  private static final String[] PACKAGES = {"com.sun.tools.javac.api", "com.sun.tools.javac.util"};

  private CompilerFileManager() {}

  /** The file manager of {@code task}; null when javac's internals are closed to the plugin. */
  static JavaFileManager of(JavacTask task) {
    Module compiler = JavacTask.class.getModule();
    Module plugin = CompilerFileManager.class.getModule();
    for (String name : PACKAGES) {
      if (!compiler.isExported(name, plugin)) {
        return null;
      }
    }
    try {
      return task instanceof BasicJavacTask basic ? basic.getContext().get(JavaFileManager.class) : null;
    } catch (LinkageError e) {
      // A javac whose internals are not the ones this was compiled against: no summaries files,
      // as without the exports, rather than a crash.
      return null;
    }
  }
}
