import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Jenkins core 2.73.3, jenkins.model.Nodes: adding and removing a node under the queue lock.
 */
public class Nodes {

    private final Jenkins jenkins;

    private final ConcurrentMap<String, Node> nodes = new ConcurrentSkipListMap<String, Node>();

    /*package*/ Nodes(Jenkins jenkins) {
        this.jenkins = jenkins;
    }

    public List<Node> getNodes() {
        return new ArrayList<Node>(nodes.values());
    }

    public void addNode(final Node node) throws IOException {
        if (node != nodes.get(node.getNodeName())) {
            // TODO we should not need to lock the queue for adding nodes but until we have a way to update the
            // computer list for just the new node
            Queue.withLock(new Runnable() {
                @Override
                public void run() {
                    nodes.put(node.getNodeName(), node);
                    jenkins.updateComputerList();
                    jenkins.trimLabels();
                }
            });
            // TODO there is a theoretical race whereby the node instance is updated/removed after lock release
            persistNode(node);
        }
    }

    private void persistNode(final Node node) throws IOException {
        // the node is an EphemeralNode: nothing is written
        jenkins.getQueue().scheduleMaintenance();
    }

    public void removeNode(final Node node) throws IOException {
        if (node == nodes.get(node.getNodeName())) {
            Queue.withLock(new Runnable() {
                @Override
                public void run() {
                    Computer c = node.toComputer();
                    if (c != null) {
                        c.recordTermination();
                        c.disconnect();
                    }
                    if (node == nodes.remove(node.getNodeName())) {
                        jenkins.updateComputerList();
                        jenkins.trimLabels();
                    }
                }
            });
        }
    }

    public Node getNode(String name) {
        return name == null ? null : nodes.get(name);
    }
}
