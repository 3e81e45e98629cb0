/**
 * Jenkins core 2.73.3, hudson.model.PeriodicWork: scheduled on jenkins.util.Timer at its
 * recurrence period.
 */
public abstract class PeriodicWork extends SafeTimerTask {

    protected static final long MIN = 1000 * 60;

    public abstract long getRecurrencePeriod();

    public long getInitialDelay() {
        return 0;
    }
}
