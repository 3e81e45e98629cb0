package dev.lockdep.checker;

import com.google.auto.service.AutoService;
import com.sun.source.util.JavacTask;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Gives LockdepCheck the compilation's {@link javax.annotation.processing.Filer}, through which it
 * reads the summaries of earlier compilations from the class path and writes its own to the class
 * output ({@link FactsFiles}). It processes no annotations and claims none. javac runs it when the
 * checker jar is on the processor path (Maven's {@code annotationProcessorPaths}) and annotation
 * processing is not turned off ({@code -proc:none}).
 */
@AutoService(Processor.class)
public final class LockdepFactsProcessor extends AbstractProcessor {
  /** Loaded by javac's ServiceLoader. */
  public LockdepFactsProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    Processor kept = WarmCode.processor();
    if (kept != null) {
      // The session is the plugin's, in the classes kept warm.
      kept.init(environment);
      return;
    }
    JavacTask task;
    try {
      task = JavacTask.instance(environment);
    } catch (IllegalArgumentException e) {
      // Not javac's own environment (a build tool's wrapper, another compiler): no session to serve.
      return;
    }
    LockdepSession session = LockdepSession.of(task);
    if (session != null) {
      session.useFactsFiles(FactsFiles.through(environment));
    }
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return false;
  }
}
