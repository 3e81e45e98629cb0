package dev.lockdep.checker.errorprone;

import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.JCDiagnostic;
import com.sun.tools.javac.util.Log;
import dev.lockdep.checker.LockdepCheck;
import java.util.function.Consumer;
import javax.tools.JavaFileObject;

/**
 * javac errors and notes about the configuration, without a source position, under Error Prone:
 * a bad {@code -XepOpt:Lockdep} flag, a bad models file or an unwritable report file is not a
 * finding, so it must not be reported as a check's diagnostic at some file's first line. They are
 * javac's own "message from a processor" diagnostics, as a {@code Messager} prints them.
 */
final class CompilerMessages {
  private CompilerMessages() {}

  static void error(Context context, String message) {
    withoutSource(context, log -> log.error(new JCDiagnostic.Error("compiler", "proc.messager", prefixed(message))));
  }

  static void note(Context context, String message) {
    withoutSource(context, log -> log.note(new JCDiagnostic.Note("compiler", "proc.messager", prefixed(message))));
  }

  /** Reports with no source file: javac's log otherwise names the unit Error Prone is matching. */
  private static void withoutSource(Context context, Consumer<Log> report) {
    Log log = Log.instance(context);
    JavaFileObject matched = log.useSource(null);
    try {
      report.accept(log);
    } finally {
      log.useSource(matched);
    }
  }

  private static String prefixed(String message) {
    return "[" + LockdepCheck.NAME + "] " + message;
  }
}
