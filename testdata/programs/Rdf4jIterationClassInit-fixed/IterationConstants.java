package rdf4j.iteration;

/**
 * Shared iterations, in a class of their own: an interface that declares a default method is
 * initialized before each class implementing it, so it must not make one in its own static
 * fields.
 */
public final class IterationConstants {
  /** The empty iteration of statements, shared. */
  public static final EmptyIteration<Statement> EMPTY_STATEMENT_ITERATION = new EmptyIteration<>();

  private IterationConstants() {}
}
