import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Jenkins core 2.73.3, jenkins.util.Timer: the shared executor of periodic work (ten daemon
 * threads named "jenkins.util.Timer [#n]"; the impersonating and error-logging wrappers dropped).
 */
public class Timer {

    private static ScheduledExecutorService executorService;

    public static synchronized ScheduledExecutorService get() {
        if (executorService == null) {
            final AtomicInteger n = new AtomicInteger();
            executorService = new ScheduledThreadPoolExecutor(10, new ThreadFactory() {
                public Thread newThread(Runnable r) {
                    Thread t = new Thread(r, "jenkins.util.Timer [#" + n.incrementAndGet() + "]");
                    t.setDaemon(true);
                    return t;
                }
            });
        }
        return executorService;
    }
}
