package dev.lockdep.checker;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.Trees;
import dev.lockdep.checker.analysis.ElementLookups;
import dev.lockdep.checker.analysis.UnitAnalyzer;
import dev.lockdep.checker.analysis.UnitSummary;
import dev.lockdep.checker.models.Models;
import dev.lockdep.checker.models.ModelsException;
import dev.lockdep.checker.report.Baseline;
import dev.lockdep.checker.report.ReportFiles;
import dev.lockdep.checker.report.SiteNote;
import dev.lockdep.checker.report.SiteNotes;
import dev.lockdep.lockgraph.Provenance;
import dev.lockdep.lockgraph.program.ProgramUnit;
import dev.lockdep.lockgraph.program.SummaryComposer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javax.tools.Diagnostic;
import javax.tools.JavaFileManager;

/**
 * The state of LockdepCheck for one javac invocation: which compilation units are still being
 * analysed, and when to report.
 *
 * <p>Findings are reported when the last top-level class finishes ANALYZE. Under
 * {@code -XDcompilePolicy=simple} nothing has been lowered or written by then, so an error keeps
 * every class file from being written and a rerun of the build fails again. A compilation that
 * never finishes ANALYZE for every class (javac's own errors stopped it) is not reported on: its
 * facts are partial.
 */
public final class LockdepSession implements TaskListener {
  private static final Map<JavacTask, LockdepSession> SESSIONS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final JavacTask task;
  private final Trees trees;
  private final SourceReporter reporter;
  /** What the front end learnt from each analysed unit; no trees. */
  private final List<UnitSummary> summaries = new ArrayList<>();
  /** Units entered but not yet through ANALYZE, with their top-level classes still to come. */
  private final Map<CompilationUnitTree, Set<Tree>> pending = new IdentityHashMap<>();
  /** Every unit seen, by its source key, for positioning findings. */
  private final Map<String, CompilationUnitTree> units = new LinkedHashMap<>();

  private LockdepOptions options = LockdepOptions.defaults();
  private String configurationError;
  private boolean configurationErrorReported;
  private boolean reported;
  private boolean warningsUnlimited;
  /** Annotations models files give library members; resolved when the first unit is analysed. */
  private Models models;
  /**
   * Summaries files of other compilations and of this one: through the Filer of the checker's
   * processor, or javac's file manager where no processor runs; null without either.
   */
  private FactsFiles factsFiles;
  /** The loader of the processor path, whose models files apply (the plugin's own by default). */
  private ClassLoader processorPath = LockdepSession.class.getClassLoader();
  /** What methods override and what summaries call them, shared by every unit of the compilation. */
  private ElementLookups lookups;

  private LockdepSession(JavacTask task) {
    this.task = task;
    this.trees = Trees.instance(task);
    this.reporter = new SourceReporter(trees);
  }

  /** The session of this javac invocation, created and registered as a listener on first use. */
  public static LockdepSession attach(JavacTask task) {
    synchronized (SESSIONS) {
      LockdepSession session = SESSIONS.get(task);
      if (session == null) {
        session = new LockdepSession(task);
        SESSIONS.put(task, session);
        task.addTaskListener(session);
      }
      return session;
    }
  }

  /** The session of this javac invocation, or null when the javac plugin does not run in it. */
  static LockdepSession of(JavacTask task) {
    return SESSIONS.get(task);
  }

  /**
   * Reads and writes summaries files through the compilation's Filer ({@link LockdepFactsProcessor})
   * or a file manager its caller made ({@link LockdepCheck#useFileManager}).
   */
  void useFactsFiles(FactsFiles files) {
    this.factsFiles = files;
  }

  /**
   * Whether the javac plugin runs in this compilation: the Error Prone checks then leave the
   * reporting to it, so that every finding is reported once.
   */
  public static boolean isAttached(JavacTask task) {
    return SESSIONS.containsKey(task) || WarmCode.attachedThere(task);
  }

  /** The models files of the processor path are read through {@code loader}. */
  void readModelsThrough(ClassLoader loader) {
    this.processorPath = loader;
  }

  void configure(LockdepOptions options) {
    this.options = options;
  }

  /**
   * The compilation shows every warning ({@code -Xmaxwarns} set to no limit by whoever runs it):
   * findings at {@code Severity=WARN} need no count of their own.
   */
  public void showsEveryWarning() {
    warningsUnlimited = true;
  }

  /** Reports {@code message} as an error on the first compilation unit and analyses nothing. */
  void rejectConfiguration(String message) {
    configurationError = message;
  }

  public LockdepOptions options() {
    return options;
  }

  @Override
  public void finished(TaskEvent event) {
    switch (event.getKind()) {
      case ENTER:
        entered(event.getCompilationUnit());
        break;
      case ANALYZE:
        analyzed(event);
        break;
      default:
        break;
    }
  }

  private void entered(CompilationUnitTree unit) {
    if (configurationError != null) {
      if (!configurationErrorReported) {
        configurationErrorReported = true;
        reporter.error(unit, unit, "[" + LockdepCheck.NAME + "] " + configurationError);
      }
      return;
    }
    Set<Tree> classes = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Tree decl : unit.getTypeDecls()) {
      if (decl instanceof ClassTree) {
        classes.add(decl);
      }
    }
    pending.put(unit, classes);
    units.put(SourceKey.of(unit), unit);
  }

  private void analyzed(TaskEvent event) {
    CompilationUnitTree unit = event.getCompilationUnit();
    Set<Tree> classes = pending.get(unit);
    if (classes == null) {
      return;
    }
    if (event.getTypeElement() == null) {
      classes.clear();
    } else {
      classes.remove(trees.getTree(event.getTypeElement()));
    }
    if (classes.isEmpty()) {
      pending.remove(unit);
      summaries.add(analyze(unit));
      if (pending.isEmpty() && !reported) {
        reported = true;
        report();
      }
    }
  }

  /** The unit's summary; a failure outside any one method costs the unit, not the compilation. */
  private UnitSummary analyze(CompilationUnitTree unit) {
    if (lookups == null) {
      lookups = new ElementLookups(task.getElements(), task.getTypes(), models());
    }
    try {
      return UnitAnalyzer.analyze(unit, trees, task.getElements(), lookups);
    } catch (RuntimeException | StackOverflowError e) {
      String file = SourceKey.of(unit);
      return new UnitSummary(
          file,
          List.of(),
          List.of(),
          List.of(),
          List.of(new UnitSummary.InternalError(new Provenance(file, 1, 1, file, List.of()), "internal error analysing " + file + ": " + e)),
          List.of());
    }
  }

  /**
   * The Models= files and the processor path's models, resolved against this compilation when its
   * first unit is analysed, every unit being entered by then. A bad line is an error on the first
   * unit by name, whatever the order of the sources; a compilation checked with part of its models
   * would report what the models say is fine, so it is not checked.
   */
  private Models models() {
    if (models == null) {
      try {
        models =
            Models.resolve(
                Models.read(options.models(), processorPath), task.getElements(), task.getTypes());
        CompilationUnitTree first = firstUnit();
        models.skippedNote(options.showSkippedModels())
            .ifPresent(note -> reporter.print(Diagnostic.Kind.NOTE, first, 1, 1, "[" + LockdepCheck.NAME + "] " + note));
      } catch (ModelsException e) {
        models = Models.NONE;
        reported = true;
        CompilationUnitTree first = firstUnit();
        reporter.error(first, first, "[" + LockdepCheck.NAME + "] " + e.getMessage());
      }
    }
    return models;
  }

  /** The unit that errors without a source position go to: the first by name, whatever the order of the sources. */
  private CompilationUnitTree firstUnit() {
    return units.get(Collections.min(units.keySet()));
  }

  /** The whole compilation has been analysed: run the lock graph over it and report. */
  private void report() {
    // Mandatory warnings, which -nowarn and -Xlint:none do not silence: a finding is never optional.
    Diagnostic.Kind kind =
        options.severity() == LockdepOptions.Severity.WARN ? Diagnostic.Kind.MANDATORY_WARNING : Diagnostic.Kind.ERROR;
    List<UnitSummary> ordered = new ArrayList<>(summaries);
    ordered.sort(Comparator.comparing(UnitSummary::file));
    for (UnitSummary summary : ordered) {
      for (UnitSummary.InternalError error : summary.internalErrors()) {
        print(Diagnostic.Kind.MANDATORY_WARNING, error.at(), "[" + LockdepCheck.NAME + "] " + error.message());
      }
      for (UnitSummary.Note note : summary.notes()) {
        print(Diagnostic.Kind.NOTE, note.at(), "[" + LockdepCheck.NAME + "] " + note.message());
      }
    }
    List<ProgramUnit> current = ordered.stream().map(UnitSummary::program).toList();
    List<ProgramUnit> classpath = readSummaries(current);
    FutureTask<Void> writing = writeSummaries(current);
    LockdepAnalysis.Analysis analysis = null;
    Throwable failure = null;
    try {
      analysis = LockdepAnalysis.analyze(ordered, classpath, options);
    } catch (RuntimeException | StackOverflowError e) {
      failure = e;
    }
    awaitWritten(writing);
    if (failure != null) {
      if (!ordered.isEmpty()) {
        UnitSummary first = ordered.get(0);
        print(Diagnostic.Kind.MANDATORY_WARNING, new Provenance(first.file(), 1, 1, "", List.of()),
            "[" + LockdepCheck.NAME + "] internal error checking the lock graph: " + failure);
      }
      return;
    }
    List<LockdepReport> reports = analysis.reports();
    for (SummaryComposer.Limit limit : analysis.limits()) {
      // A bound reached in a library's body is said on this compilation's first unit.
      boolean here = units.containsKey(limit.at().file());
      Provenance at = here ? limit.at() : new Provenance(ordered.get(0).file(), 1, 1, "", List.of());
      print(
          Diagnostic.Kind.NOTE, at,
          "[" + LockdepCheck.NAME + "] " + limit.message() + (here ? "" : " (" + limit.at() + ")"));
    }
    List<String> problems = new ArrayList<>();
    Baseline baseline = ReportFiles.baseline(options, problems);
    checkWarningLimit((int) reports.stream().filter(r -> !baseline.contains(r)).count());
    for (LockdepReport report : reports) {
      if (baseline.contains(report)) {
        print(Diagnostic.Kind.NOTE, report.position(), Baseline.note(report));
        continue;
      }
      print(kind, report.position(), report.message());
      for (SiteNote note : SiteNotes.of(report)) {
        print(Diagnostic.Kind.NOTE, note.at(), note.message());
      }
    }
    CompilationUnitTree first = firstUnit();
    baseline.staleNote(reports).ifPresent(note -> reporter.print(Diagnostic.Kind.NOTE, first, 1, 1, note));
    problems.addAll(ReportFiles.write(options, reports, baseline, () -> LockdepAnalysis.graph(ordered)));
    for (String problem : problems) {
      reporter.error(first, first, "[" + LockdepCheck.NAME + "] " + problem);
    }
  }

  /**
   * Findings reported as warnings must all be shown, and javac drops every warning beyond
   * {@code -Xmaxwarns}. Where javac's count is known, findings that do not fit are an error that
   * says so; where it is not, a note gives their number, so a reader can tell a cut list.
   */
  private void checkWarningLimit(int findings) {
    if (options.severity() != LockdepOptions.Severity.WARN || findings == 0 || warningsUnlimited) {
      return;
    }
    CompilationUnitTree first = firstUnit();
    OptionalInt remaining = WarningLimit.remaining(task);
    if (remaining.isEmpty()) {
      reporter.print(Diagnostic.Kind.NOTE, first, 1, 1,
          "[" + LockdepCheck.NAME + "] " + findings + " finding(s) reported as warnings (Severity=WARN); javac shows at"
              + " most -Xmaxwarns warnings (" + WarningLimit.JAVAC_DEFAULT + " unless set): if fewer are listed, raise"
              + " -Xmaxwarns");
    } else if (remaining.getAsInt() < findings) {
      reporter.error(first, first,
          "[" + LockdepCheck.NAME + "] " + findings + " finding(s) at Severity=WARN, but javac shows only "
              + remaining.getAsInt() + " more warning(s) (-Xmaxwarns): raise -Xmaxwarns by at least "
              + (findings - remaining.getAsInt()) + ", or use Severity=ERROR");
    }
  }

  /**
   * The summaries of earlier compilations this one reaches, read from the class path, where javac
   * gives the plugin its files: through the processor's Filer or, without one, javac's file manager.
   */
  private List<ProgramUnit> readSummaries(List<ProgramUnit> current) {
    if (factsFiles == null) {
      JavaFileManager files = CompilerFileManager.of(task);
      factsFiles = files == null ? null : FactsFiles.through(files);
    }
    return factsFiles == null || current.isEmpty() ? List.of() : factsFiles.read(current);
  }

  /**
   * Writes this compilation's summaries to the class output on a thread of its own: the lock
   * graph check needs nothing from the files and the files nothing from the check, so the two
   * run side by side on a second core while javac waits for this listener, touching neither its
   * file manager nor anything else of javac.
   */
  private FutureTask<Void> writeSummaries(List<ProgramUnit> current) {
    if (factsFiles == null || current.isEmpty()) {
      return null;
    }
    FutureTask<Void> writing = new FutureTask<>(() -> factsFiles.write(current), null);
    Thread writer = new Thread(writing, LockdepCheck.NAME + " summaries");
    writer.setDaemon(true);
    writer.start();
    return writing;
  }

  /** Waits for the summaries files; an unreadable or unwritable one is an error naming it. */
  private void awaitWritten(FutureTask<Void> writing) {
    if (writing == null) {
      return;
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          writing.get();
          break;
        } catch (InterruptedException e) {
          // javac goes on with the files half written otherwise; the interrupt is kept for it.
          interrupted = true;
        } catch (ExecutionException e) {
          throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    CompilationUnitTree first = firstUnit();
    for (String problem : factsFiles.problems()) {
      reporter.error(first, first, "[" + LockdepCheck.NAME + "] " + problem);
    }
  }

  private void print(Diagnostic.Kind kind, Provenance at, String message) {
    CompilationUnitTree unit = units.get(at.file());
    if (unit != null) {
      reporter.print(kind, unit, Math.max(at.line(), 1), Math.max(at.column(), 1), message);
    }
  }
}
