package dev.lockdep.checker.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Trees;
import com.sun.tools.javac.api.BasicJavacTask;
import dev.lockdep.checker.InvalidOptionException;
import dev.lockdep.checker.LockdepAnalysis;
import dev.lockdep.checker.LockdepOptions;
import dev.lockdep.checker.LockdepReport;
import dev.lockdep.checker.LockdepSession;
import dev.lockdep.checker.TreeAtPosition;
import dev.lockdep.checker.analysis.UnitAnalyzer;
import dev.lockdep.checker.analysis.UnitSummary;
import dev.lockdep.checker.models.Models;
import dev.lockdep.checker.models.ModelsException;
import dev.lockdep.checker.report.Baseline;
import dev.lockdep.checker.report.ReportFiles;
import dev.lockdep.lockgraph.CheckKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import javax.tools.Diagnostic;

/**
 * Runs the same front end, composition and lock graph as the javac plugin and reports one check's
 * findings in the unit being matched through Error Prone: over the whole compilation when every
 * class is attributed before the first is matched ({@link CompilationFindings}), else over the
 * unit alone. Each unit is analysed once however many checks ask.
 */
final class ErrorProneFrontEnd {
  /** Weak keys: a summary lives as long as its unit's tree, and holds no tree itself. */
  private static final Map<CompilationUnitTree, UnitSummary> SUMMARIES =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** The models of each compilation, resolved once the first unit is matched. */
  private static final Map<JavacTask, Models> MODELS = Collections.synchronizedMap(new WeakHashMap<>());

  /** The baseline of each compilation, read once the first unit is matched. */
  private static final Map<JavacTask, Baseline> BASELINES = Collections.synchronizedMap(new WeakHashMap<>());

  /** The compilations whose -XepOpt:Lockdep flags or models were reported as invalid already. */
  private static final Map<JavacTask, Boolean> REJECTED_FLAGS = Collections.synchronizedMap(new WeakHashMap<>());

  private ErrorProneFrontEnd() {}

  static Description report(BugChecker checker, CheckKind check, CompilationUnitTree unit, VisitorState state) {
    JavacTask task = BasicJavacTask.instance(state.context);
    if (LockdepSession.isAttached(task)) {
      // -Xplugin:LockdepCheck reports every check for the whole compilation.
      return Description.NO_MATCH;
    }
    Trees trees = Trees.instance(task);
    LockdepOptions options;
    Models models;
    try {
      options = LockdepFlags.options(state);
      models = models(task, state, options);
    } catch (InvalidOptionException | ModelsException e) {
      // Once per compilation: a misspelt flag must fail the build rather than silently check
      // with defaults, and it is an error about the flag, not a finding of this check.
      if (REJECTED_FLAGS.put(task, Boolean.TRUE) == null) {
        CompilerMessages.error(state.context, e instanceof InvalidOptionException ? "invalid -XepOpt:Lockdep option: " + e.getMessage() : e.getMessage());
      }
      return Description.NO_MATCH;
    }
    Baseline baseline = baseline(task, state, options);
    List<LockdepReport> reports = CompilationFindings.in(task, state.context, unit, options, models, baseline);
    if (reports == null) {
      if (options.sarif().isPresent() || options.graph().isPresent() || options.writeBaseline().isPresent()) {
        if (REJECTED_FLAGS.put(task, Boolean.TRUE) == null) {
          CompilerMessages.error(
              state.context,
              "-XepOpt:Lockdep:Sarif, Graph and WriteBaseline need the whole compilation, which Error Prone sees only"
                  + " under -XDcompilePolicy=simple; no file is written");
        }
      }
      UnitSummary summary =
          SUMMARIES.computeIfAbsent(unit, u -> UnitAnalyzer.analyze(u, trees, task.getElements(), task.getTypes(), models));
      reports = LockdepAnalysis.check(List.of(summary), options);
    }
    for (LockdepReport report : reports) {
      if (report.check() != check) {
        continue;
      }
      Tree at = TreeAtPosition.find(trees, unit, Math.max(report.position().line(), 1), Math.max(report.position().column(), 1));
      if (baseline.contains(report)) {
        trees.printMessage(Diagnostic.Kind.NOTE, Baseline.note(report), at, unit);
      } else {
        state.reportMatch(checker.buildDescription(at).setMessage(report.body()).build());
      }
    }
    return Description.NO_MATCH;
  }

  /** The Baseline= file of the compilation, read once; one that cannot be read is an error, and none is used. */
  private static Baseline baseline(JavacTask task, VisitorState state, LockdepOptions options) {
    synchronized (BASELINES) {
      Baseline baseline = BASELINES.get(task);
      if (baseline == null) {
        List<String> problems = new ArrayList<>();
        baseline = ReportFiles.baseline(options, problems);
        problems.forEach(problem -> CompilerMessages.error(state.context, problem));
        BASELINES.put(task, baseline);
      }
      return baseline;
    }
  }

  /** The Models= files and the processor path's models, resolved against this compilation. */
  private static Models models(JavacTask task, VisitorState state, LockdepOptions options) throws ModelsException {
    synchronized (MODELS) {
      Models models = MODELS.get(task);
      if (models == null) {
        models =
            Models.resolve(
                Models.read(options.models(), ErrorProneFrontEnd.class.getClassLoader()), task.getElements(), task.getTypes());
        MODELS.put(task, models);
        models.skippedNote(options.showSkippedModels()).ifPresent(note -> CompilerMessages.note(state.context, note));
      }
      return models;
    }
  }
}
