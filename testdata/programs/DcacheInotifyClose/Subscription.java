package dcache;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Represents a client's subscription to events of a specific type.
 * In effect, this class decorates a SelectedEventStream by adding the
 * eventType.  (The close-task machinery is CloseableWithTasks', folded in.)
 */
public class Subscription
{
    /*
     * NB. Tasks must not be run from within the closeTasks monitor.  The task
     * could (attempt to) acquire other locks/monitors, which has the potential
     * to deadlock.
     */
    private final List<Runnable> closeTasks = new ArrayList<>();
    private boolean isClosed;

    private final String eventType;
    private final SelectedEventStream ses;

    Subscription(String eventType, SelectedEventStream ses)
    {
        this.eventType = eventType;
        this.ses = ses;
        onClose(this::closeSelection);
    }

    public String getEventType()
    {
        return eventType;
    }

    public String getId()
    {
        return ses.getId();
    }

    private void closeSelection()
    {
        ses.close();
    }

    /**
     * Run any registered onClose tasks.  This method may be called multiple
     * times and has the same effect as calling once.
     */
    public void close()
    {
        List<Runnable> todo;
        synchronized (closeTasks) {
            if (!isClosed) {
                isClosed = true;
                todo = new ArrayList<>(closeTasks);
                closeTasks.clear();
            } else {
                todo = Collections.emptyList();
            }
        }

        for (Runnable task : todo) {
            task.run();
        }
    }

    /**
     * Register some activity that should run when close is called.  If close
     * has already been called then the task is executed straight away.
     */
    public final void onClose(Runnable task)
    {
        boolean runNow;
        synchronized (closeTasks) {
            runNow = isClosed;
            if (!runNow) {
                closeTasks.add(task);
            }
        }
        if (runNow) {
            task.run();
        }
    }
}
