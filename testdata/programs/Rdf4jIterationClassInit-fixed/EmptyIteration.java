package rdf4j.iteration;

import java.util.NoSuchElementException;

/** An iteration of nothing. */
public final class EmptyIteration<E> implements CloseableIteration<E> {
  @Override
  public boolean hasNext() {
    return false;
  }

  @Override
  public E next() {
    throw new NoSuchElementException("Iteration is empty");
  }

  @Override
  public void close() {}
}
