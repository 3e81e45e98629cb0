package dcache;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The frontend, reduced: the REST handler that cancels a subscription (run by
 * a Jetty thread) and the cell's message thread delivering PnfsManager's
 * namespace events to the inotify plugin.
 */
public class EventResources
{
    private final Channel channel;

    public EventResources(Channel channel)
    {
        this.channel = channel;
    }

    /* DELETE /events/channels/{channel}/subscriptions/{type}/{id} */
    public void deleteSubscription(String eventType, String subscriptionId)
    {
        channel.getSubscription(eventType, subscriptionId)
                .orElseThrow(() -> new IllegalStateException("Subscription not found"))
                .close();
    }

    public static void main(String[] args) throws InterruptedException
    {
        Inotify inotify = new Inotify();
        Channel channel = new Channel(Map.of(inotify.eventType(), inotify));
        EventResources resources = new EventResources(channel);

        String subscriptionId = channel.subscribe("channel-1", "inotify", "/data/dir",
                Set.of("IN_CREATE", "IN_MODIFY"));

        Thread messageThread = new Thread(() -> {
                    for (int i = 0; i < 1_000_000; i++) {
                        inotify.messageArrived(List.of(
                                new Inotify.InotifyEvent(null, "IN_MODIFY", null)));
                    }
                }, "message-thread");
        messageThread.start();

        Thread jetty = new Thread(() -> resources.deleteSubscription("inotify", subscriptionId),
                "jetty-thread");
        jetty.start();

        jetty.join();
        messageThread.join();
    }
}
