package dcache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client's SSE channel: its subscriptions, and the events sent to it.
 */
public class Channel
{
    private final Map<String,Subscription> subscriptionsByIdentity
            = new ConcurrentHashMap<>();

    private final Map<String,EventStream> repository;
    private final List<String> ringBuffer = new ArrayList<>();
    private int nextEventId = 0;

    public Channel(Map<String,EventStream> repository)
    {
        this.repository = repository;
    }

    public synchronized void sendEvent(String eventType, String selectionId, Object eventPayload)
    {
        if (eventPayload == EventStream.CLOSE_STREAM) {
            getSubscription(eventType, selectionId).ifPresent(Subscription::close);
            return;
        }

        int eventId = nextEventId++;
        ringBuffer.add(eventId + " " + eventType + " " + selectionId + " " + eventPayload);
    }

    private synchronized void sendSubscriptionEvent(String type,
            String eventType, String subscriptionId)
    {
        ringBuffer.add(type + " " + eventType + " " + subscriptionId);
    }

    public String subscribe(String channelId, String eventType, String path, Set<String> flags)
    {
        EventStream es = Optional.ofNullable(repository.get(eventType))
                    .orElseThrow(() -> new IllegalArgumentException("Unknown event type: " + eventType));

        SelectedEventStream selection = es.select(channelId,
                (id,event) -> {
                            try {
                                sendEvent(eventType, id, event);
                            } catch (RuntimeException e) {
                                System.err.println("Bug found in dCache: " + e);
                            }
                        }, path, flags);

        String subscriptionId = selection.getId();
        String id = eventType + "/" + subscriptionId;
        if (!subscriptionsByIdentity.containsKey(id)) {
            Subscription s = new Subscription(eventType, selection);
            subscriptionsByIdentity.put(id, s);
            s.onClose(() -> {
                        sendSubscriptionEvent("SUBSCRIPTION_CLOSED", eventType, subscriptionId);
                    });
            s.onClose(() -> subscriptionsByIdentity.remove(id, s));
            sendSubscriptionEvent("NEW_SUBSCRIPTION", eventType, subscriptionId);
        }
        return subscriptionId;
    }

    public Optional<Subscription> getSubscription(String eventType, String subscriptionId)
    {
        return Optional.ofNullable(subscriptionsByIdentity.get(eventType + "/" + subscriptionId));
    }
}
