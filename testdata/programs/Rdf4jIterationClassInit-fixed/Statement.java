package rdf4j.iteration;

/** An RDF statement, as the stores hand them out. */
public interface Statement {
  Object getSubject();
}
