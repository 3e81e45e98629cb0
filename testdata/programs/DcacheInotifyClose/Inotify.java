package dcache;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * An EventStream that provides the client with events based on namespace
 * activity.  The dCache-internal events that this EventStream provides are
 * closely modelled on the inotify(7) API, from Linux.
 */
public class Inotify implements EventStream
{
    /** The namespace event (org.dcache.namespace.events.InotifyEvent), reduced. */
    public static class InotifyEvent
    {
        private final String target;
        private final String eventType;
        private final String name;

        public InotifyEvent(String target, String eventType, String name)
        {
            this.target = target;
            this.eventType = eventType;
            this.name = name;
        }

        public String getTarget()
        {
            return target;
        }

        public String getEventType()
        {
            return eventType;
        }

        public String getName()
        {
            return name;
        }
    }

    private record WatchIdentity(String channelId, String pnfsid)
    {
        String selectionId()
        {
            return channelId + "-" + pnfsid;
        }
    }

    /**
     * Represents the kind of inotify events selected by a specific client from
     * a specific PNFS-ID.  This is the client-supplied selector plus some
     * operational field-members.
     */
    private class InotifySelection implements SelectedEventStream
    {
        private final BiConsumer<String,Object> eventReceiver;
        private final WatchIdentity identity;
        private Set<String> selectedEvents;
        private Set<String> flags;
        private boolean isClosed;

        private InotifySelection(BiConsumer<String,Object> receiver,
                Set<String> flags, WatchIdentity id)
        {
            this.eventReceiver = receiver;
            this.flags = flags;
            identity = id;
            selectedEvents = asEventType(flags);
        }

        public void accept(Set<String> flags)
        {
            this.flags = flags;
            selectedEvents = asEventType(flags);
        }

        @Override
        public String getId()
        {
            return identity.selectionId();
        }

        private Set<String> selectedEvents()
        {
            return selectedEvents;
        }

        public synchronized void requestClose()
        {
            if (!isClosed) {
                sendEvent(EventStream.CLOSE_STREAM);
            }
        }

        @Override
        public synchronized void close()
        {
            boolean justClosed;

            synchronized (this) {
                justClosed = !isClosed;

                if (justClosed) {
                    sendEvent(IN_IGNORED_JSON);
                    isClosed = true;
                }
            }

            if (justClosed) {
                synchronized (Inotify.this) {
                    selectionByWatch.remove(identity);
                    Set<InotifySelection> forTarget = selectionByPnfsId.get(identity.pnfsid());
                    if (forTarget != null) {
                        forTarget.remove(this);
                        if (forTarget.isEmpty()) {
                            selectionByPnfsId.remove(identity.pnfsid());
                        }
                    }
                    updateZK();
                }
            }
        }

        private void sendEvent(Object json)
        {
            eventReceiver.accept(identity.selectionId(), json);
        }

        public synchronized boolean isSendableEvent(String type, String filename)
        {
            return !isClosed && selectedEvents.contains(type);
        }

        public synchronized boolean isClosed()
        {
            return isClosed;
        }

        private synchronized void acceptEvent(Object json)
        {
            sendEvent(json);

            if (flags.contains("IN_ONESHOT")) {
                requestClose();
            }
        }
    }

    public static final Object IN_IGNORED_JSON = "{\"flags\":[\"IN_IGNORED\"]}";

    private final Map<WatchIdentity,InotifySelection> selectionByWatch = new ConcurrentHashMap<>();
    private final Map<String,Set<InotifySelection>> selectionByPnfsId = new HashMap<>();

    /** The data of the ZooKeeper node that tells PnfsManager what to send. */
    private byte[] subscriptions;

    @Override
    public String eventType()
    {
        return "inotify";
    }

    private static Set<String> asEventType(Set<String> flags)
    {
        Set<String> events = new HashSet<>(flags);
        events.remove("IN_ONESHOT");
        return events;
    }

    private void updateZK()
    {
        if (selectionByPnfsId.isEmpty()) {
            subscriptions = null;
        } else {
            subscriptions = encodeSubscriptions();
        }
    }

    private byte[] encodeSubscriptions()
    {
        Map<String,Collection<String>> selectedEvents = new HashMap<>();

        selectionByPnfsId.forEach((id,selections) -> {
                    // Always subscribe to IN_DELETE_SELF to discover when to close subscription
                    Collection<String> events = new HashSet<>(Set.of("IN_DELETE_SELF"));
                    selections.forEach(s -> events.addAll(s.selectedEvents()));
                    selectedEvents.put(id, events);
                });

        return selectedEvents.toString().getBytes();
    }

    /** The message from PnfsManager (a NotificationMessage), reduced to its events. */
    public void messageArrived(List<InotifyEvent> message)
    {
        message.forEach(this::acceptEvent);
    }

    private synchronized void acceptEvent(InotifyEvent inotifyEvent)
    {
        String type = inotifyEvent.getEventType();
        String filename = inotifyEvent.getName();

        Collection<InotifySelection> selections = inotifyEvent.getTarget() == null
                ? selectionByWatch.values()
                : selectionByPnfsId.getOrDefault(inotifyEvent.getTarget(), Collections.emptySet());

        if (selections.stream().anyMatch(s -> s.isSendableEvent(type, filename))) {
            Object json = "{\"flags\":[\"" + type + "\"],\"name\":\"" + filename + "\"}";
            selections.stream()
                    .filter(s -> s.isSendableEvent(type, filename))
                    .forEach(s -> s.acceptEvent(json));
        }

        if (type.equals("IN_DELETE_SELF")) {
            selections.forEach(InotifySelection::requestClose);
        }
    }

    @Override
    public synchronized SelectedEventStream select(String channelId,
            BiConsumer<String,Object> receiver, String path, Set<String> flags)
    {
        String pnfsid = lookup(path);
        WatchIdentity watchId = new WatchIdentity(channelId, pnfsid);
        InotifySelection selection = selectionByWatch.get(watchId);
        if (selection == null) {
            selection = new InotifySelection(receiver, flags, watchId);
            selectionByWatch.put(watchId, selection);
            selectionByPnfsId.computeIfAbsent(pnfsid, k -> new HashSet<>()).add(selection);
            updateZK();
        } else {
            selection.accept(flags);
            updateZK();
        }
        return selection;
    }

    private String lookup(String path)
    {
        return "0000" + Integer.toHexString(path.hashCode()).toUpperCase();
    }
}
