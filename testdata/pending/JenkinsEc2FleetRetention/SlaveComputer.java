/**
 * Jenkins core 2.73.3, hudson.slaves.SlaveComputer.
 */
public class SlaveComputer extends Computer {

    private volatile boolean acceptingTasks = true;

    public SlaveComputer(Slave slave) {
        super(slave);
    }

    @Override
    public boolean isAcceptingTasks() {
        // our boolean flag is an override on any additional programmatic reasons why this agent might not be
        // accepting tasks.
        return acceptingTasks && super.isAcceptingTasks();
    }

    public void setAcceptingTasks(boolean acceptingTasks) {
        this.acceptingTasks = acceptingTasks;
    }

    @Override
    public Slave getNode() {
        Node node = super.getNode();
        if (node == null || node instanceof Slave) {
            return (Slave) node;
        } else {
            return null;
        }
    }

    public RetentionStrategy getRetentionStrategy() {
        Slave n = getNode();
        return n == null ? RetentionStrategy.INSTANCE : n.getRetentionStrategy();
    }

    public boolean isConnecting() {
        return false;
    }

    public boolean isLaunchSupported() {
        Slave n = getNode();
        return n != null && n.getLauncher() != null && n.getLauncher().isLaunchSupported();
    }

    public void tryReconnect() {
        connect(false);
    }
}
