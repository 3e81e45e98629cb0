/**
 * Jenkins core 2.73.3, hudson.slaves.RetentionStrategy: check is called under the queue lock
 * (@GuardedBy("hudson.model.Queue.lock")); the default start runs check under it.
 */
public abstract class RetentionStrategy<T extends Computer> {

    public abstract long check(T c);

    public boolean isAcceptingTasks(T c) {
        return true;
    }

    public void start(final T c) {
        Queue.withLock(new Runnable() {
            @Override
            public void run() {
                check(c);
            }
        });
    }

    /**
     * Dummy instance that doesn't do any attempt to retention.
     */
    public static final RetentionStrategy<Computer> NOOP = new RetentionStrategy<Computer>() {
        public long check(Computer c) {
            return 60;
        }

        @Override
        public void start(Computer c) {
            c.connect(false);
        }
    };

    public static final Always INSTANCE = new Always();

    public static class Always extends RetentionStrategy<SlaveComputer> {
        public Always() {
        }

        public long check(SlaveComputer c) {
            if (c.isOffline() && !c.isConnecting() && c.isLaunchSupported())
                c.tryReconnect();
            return 1;
        }
    }
}
