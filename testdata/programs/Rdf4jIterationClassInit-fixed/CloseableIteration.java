package rdf4j.iteration;

import java.util.Iterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** An iteration that holds resources until closed. */
public interface CloseableIteration<E> extends Iterator<E>, AutoCloseable {
  /** The rest of the iteration as a stream that closes it when closed. */
  default Stream<E> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, 0), false).onClose(this::close);
  }

  @Override
  void close();
}
