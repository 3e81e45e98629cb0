package rdf4j.iteration;

import java.util.Iterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** An iteration that holds resources until closed. */
public interface CloseableIteration<E> extends Iterator<E>, AutoCloseable {
  /** The empty iteration of statements, shared. */
  EmptyIteration<Statement> EMPTY_STATEMENT_ITERATION = new EmptyIteration<>();

  /** The rest of the iteration as a stream that closes it when closed. */
  default Stream<E> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, 0), false).onClose(this::close);
  }

  @Override
  void close();
}
