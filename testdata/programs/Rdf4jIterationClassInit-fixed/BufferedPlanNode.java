package rdf4j.iteration;

/** A plan node of the shape validator whose buffer may be empty. */
public final class BufferedPlanNode {
  private final Statement[] buffer;

  public BufferedPlanNode(Statement[] buffer) {
    this.buffer = buffer;
  }

  public CloseableIteration<Statement> iterator() {
    if (buffer.length == 0) {
      return IterationConstants.EMPTY_STATEMENT_ITERATION;
    }
    throw new UnsupportedOperationException("the reduction keeps the empty buffer only");
  }
}
