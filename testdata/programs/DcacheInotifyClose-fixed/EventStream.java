package dcache;

import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A source of events a client may subscribe to.
 */
public interface EventStream
{
    /**
     * A special payload: a selection sends it to its receiver to ask the
     * channel to close the subscription.
     */
    Object CLOSE_STREAM = new Object();

    String eventType();

    SelectedEventStream select(String channelId, BiConsumer<String,Object> receiver,
            String path, Set<String> flags);
}
