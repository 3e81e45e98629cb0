package rdf4j.iteration;

/** An evaluation step of a statement pattern, with the iteration it returns for no match. */
public final class StatementPatternQueryEvaluationStep {
  private static final EmptyIteration<Statement> NO_MATCH = new EmptyIteration<>();

  public CloseableIteration<Statement> evaluate(boolean matches) {
    if (!matches) {
      return NO_MATCH;
    }
    throw new UnsupportedOperationException("the reduction keeps the empty result only");
  }
}
