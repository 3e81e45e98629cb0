package dcache;

/**
 * Represents a client's subscription to some subset of an EventStream's
 * events.
 */
public interface SelectedEventStream
{
    /**
     * Provide the ID associated with this selection.
     */
    String getId();

    /**
     * Stop sending events.  This method is called either when the client
     * requests to cancel the subscription, or when the channel is closed.
     * Calling this method multiple times has the same effect as calling it
     * once.
     */
    void close();
}
