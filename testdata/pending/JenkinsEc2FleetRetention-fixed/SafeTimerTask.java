import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Jenkins core 2.73.3, hudson.triggers.SafeTimerTask (a java.util.TimerTask in the real code; run
 * by jenkins.util.Timer's executor; the ACL impersonation dropped).
 */
public abstract class SafeTimerTask implements Runnable {

    public final void run() {
        try {
            doRun();
        } catch (Throwable t) {
            LOGGER.log(Level.SEVERE, "Timer task " + this + " failed", t);
        }
    }

    protected abstract void doRun() throws Exception;

    private static final Logger LOGGER = Logger.getLogger(SafeTimerTask.class.getName());
}
