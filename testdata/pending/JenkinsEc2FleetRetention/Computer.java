import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * Jenkins core 2.73.3, hudson.model.Computer: the runtime peer of a node.
 */
public abstract class Computer {

    protected String nodeName;

    /**
     * Stand-in for the executors' idle times (getIdleStartMilliseconds takes the maximum over the
     * executors; they are dropped): the time the computer was made.
     */
    private volatile long idleStart = System.currentTimeMillis();

    private volatile boolean offline = true;

    public Computer(Node node) {
        setNode(node);
    }

    protected void setNode(Node node) {
        this.nodeName = node.getNodeName();
    }

    public Node getNode() {
        Jenkins j = Jenkins.getInstanceOrNull(); // TODO confirm safe to assume non-null and use getInstance()
        if (j == null) {
            return null;
        }
        if (nodeName == null) {
            return null; // the master's computer; the master node is dropped
        }
        return j.getNode(nodeName);
    }

    public String getName() {
        return nodeName != null ? nodeName : "";
    }

    public String getDisplayName() {
        return nodeName;
    }

    public abstract RetentionStrategy getRetentionStrategy();

    public boolean isAcceptingTasks() {
        final Node node = getNode();
        return getRetentionStrategy().isAcceptingTasks(this) && (node == null || node.getNumExecutors() > 0);
    }

    public final long getIdleStartMilliseconds() {
        return idleStart;
    }

    public boolean isOffline() {
        return offline;
    }

    public abstract boolean isConnecting();

    public Future<?> connect(boolean forceReconnect) {
        // the launch runs on Computer.threadPoolForRemoting; dropped
        return CompletableFuture.completedFuture(null);
    }

    public void disconnect() {
        offline = true;
    }

    public void recordTermination() {
    }

    /*package*/ void inflictMortalWound() {
    }
}
