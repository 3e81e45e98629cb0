package dev.lockdep.checker;

import com.google.auto.service.AutoService;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;
import java.util.Arrays;
import javax.tools.JavaFileManager;

/**
 * The javac plugin {@code -Xplugin:LockdepCheck}: lockdep's lock validator over every compilation
 * unit of one javac invocation.
 *
 * <p>It uses only the exported {@code com.sun.source} API, so a plain {@code javac} needs no
 * {@code --add-exports} flags to run it.
 */
@AutoService(Plugin.class)
public final class LockdepCheck implements Plugin {
  public static final String NAME = "LockdepCheck";

  /** The loader of the compilation's processor path, whose models files the checker reads. */
  private final ClassLoader processorPath;

  /** Loaded by javac's ServiceLoader. */
  public LockdepCheck() {
    this(LockdepCheck.class.getClassLoader());
  }

  /**
   * The plugin of the classes kept warm ({@link WarmCode}), for a compilation whose processor path
   * javac loads through {@code processorPath}.
   */
  public LockdepCheck(ClassLoader processorPath) {
    this.processorPath = processorPath;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public void init(JavacTask task, String... args) {
    Plugin kept = WarmCode.plugin();
    if (kept != null) {
      kept.init(task, args);
      return;
    }
    LockdepSession session = LockdepSession.attach(task);
    session.readModelsThrough(processorPath);
    try {
      session.configure(LockdepOptions.parse(Arrays.asList(args)));
    } catch (InvalidOptionException e) {
      // Throwing from init would be a javac crash with a stack trace; the session reports it as a
      // plain compile error instead.
      session.rejectConfiguration("invalid " + NAME + " option: " + e.getMessage());
    }
  }

  /**
   * For a caller that made the file manager of {@code task} itself (the command-line runner): the
   * summaries files are read and written through it, so that the compilation needs no annotation
   * processing and sees every jar and directory of its class path.
   */
  public static void useFileManager(JavacTask task, JavaFileManager files) {
    LockdepSession.attach(task).useFactsFiles(FactsFiles.through(files));
  }
}
