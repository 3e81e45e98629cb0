import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jenkins core 2.73.3, hudson.model.AbstractCIBase: the computer list, rebuilt under the queue
 * lock, where a new computer's retention strategy is started.
 */
public abstract class AbstractCIBase {

    public static boolean AUTOMATIC_SLAVE_LAUNCH = true;

    protected abstract Map<Node, Computer> getComputerMap();

    public abstract List<Node> getNodes();

    public abstract Queue getQueue();

    private void updateComputer(Node n, Map<String, Computer> byNameMap, Set<Computer> used, boolean automaticSlaveLaunch) {
        Map<Node, Computer> computers = getComputerMap();
        Computer c;
        c = byNameMap.get(n.getNodeName());
        if (c != null) {
            c.setNode(n); // reuse
            used.add(c);
        } else {
            if (n.getNumExecutors() > 0) {
                c = n.createComputer();
                if (c == null) {
                    return;
                }
                computers.put(n, c);
                if (!n.isHoldOffLaunchUntilSave() && automaticSlaveLaunch) {
                    RetentionStrategy retentionStrategy = c.getRetentionStrategy();
                    if (retentionStrategy != null) {
                        // if there is a retention strategy, it is responsible for deciding to start the computer
                        retentionStrategy.start(c);
                    } else {
                        c.connect(true);
                    }
                }
                used.add(c);
            }
        }
    }

    protected void updateComputerList(final boolean automaticSlaveLaunch) {
        final Map<Node, Computer> computers = getComputerMap();
        final Set<Computer> old = new HashSet<Computer>(computers.size());
        Queue.withLock(new Runnable() {
            @Override
            public void run() {
                Map<String, Computer> byName = new HashMap<String, Computer>();
                for (Computer c : computers.values()) {
                    old.add(c);
                    Node node = c.getNode();
                    if (node == null)
                        continue;   // this computer is gone
                    byName.put(node.getNodeName(), c);
                }

                Set<Computer> used = new HashSet<>(old.size());

                for (Node s : getNodes()) {
                    updateComputer(s, byName, used, automaticSlaveLaunch);
                }

                old.removeAll(used);
                for (Computer c : old) {
                    c.inflictMortalWound();
                }
            }
        });
        for (Computer c : old) {
            computers.values().remove(c); // killComputer(c), after its executors are gone
        }
        getQueue().scheduleMaintenance();
    }
}
