package dev.lockdep.checker;

import com.sun.source.util.JavacTask;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Log;
import com.sun.tools.javac.util.Options;
import java.util.OptionalInt;

/**
 * How many more warnings javac shows: its {@code -Xmaxwarns} (100 unless set) less the warnings
 * it has shown. javac drops the warnings beyond it, mandatory ones too, with no trace in a build
 * tool's diagnostics, so findings reported as warnings must fit. Known only where javac's
 * internals are open to the plugin ({@link CompilerInternals}).
 */
final class WarningLimit {
  /** javac's {@code -Xmaxwarns} when none is given. */
  static final int JAVAC_DEFAULT = 100;

  private WarningLimit() {}

  /** The warnings javac still shows; empty when its internals are closed to the plugin. */
  static OptionalInt remaining(JavacTask task) {
    Context context = CompilerInternals.context(task);
    if (context == null) {
      return OptionalInt.empty();
    }
    try {
      int limit = limit(Options.instance(context).get("-Xmaxwarns"));
      return OptionalInt.of(limit == Integer.MAX_VALUE ? limit : Math.max(0, limit - Log.instance(context).nwarnings));
    } catch (LinkageError e) {
      // Another javac's internals: unknown.
      return OptionalInt.empty();
    }
  }

  /** The limit as javac reads it: none or not a number is the default, zero or less is none. */
  private static int limit(String given) {
    if (given == null) {
      return JAVAC_DEFAULT;
    }
    try {
      int n = Integer.parseInt(given.trim());
      return n <= 0 ? Integer.MAX_VALUE : n;
    } catch (NumberFormatException e) {
      return JAVAC_DEFAULT;
    }
  }
}
