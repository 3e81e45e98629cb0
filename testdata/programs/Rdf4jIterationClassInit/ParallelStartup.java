package rdf4j.iteration;

/**
 * Two test workers starting at once, as parallel tests do: one iterates an empty plan node (which
 * initializes {@code CloseableIteration}), the other makes the memory store's first evaluation
 * step (which initializes {@code EmptyIteration}).
 */
public final class ParallelStartup {
  public static void main(String[] args) throws InterruptedException {
    Thread shapes = new Thread(() -> new BufferedPlanNode(new Statement[0]).iterator().close(), "shapes");
    Thread store = new Thread(() -> new StatementPatternQueryEvaluationStep().evaluate(false).close(), "store");
    shapes.start();
    store.start();
    shapes.join();
    store.join();
  }
}
