import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jenkins core 2.73.3, jenkins.model.Jenkins: the singleton, its queue, clouds, nodes and
 * computers.
 */
public class Jenkins extends AbstractCIBase {

    private transient final Queue queue;

    private static Jenkins theInstance;

    public final Hudson.CloudList clouds = new Hudson.CloudList(this);

    private final transient Nodes nodes = new Nodes(this);

    private transient final Map<Node, Computer> computers = new ConcurrentHashMap<Node, Computer>();

    /** label name -> the nodes carrying it (Label objects dropped) */
    private transient final Map<String, List<Node>> labels = new ConcurrentHashMap<String, List<Node>>();

    public interface JenkinsHolder {
        Jenkins getInstance();
    }

    static JenkinsHolder HOLDER = new JenkinsHolder() {
        public Jenkins getInstance() {
            return theInstance;
        }
    };

    protected Jenkins() {
        if (theInstance != null)
            throw new IllegalStateException("second instance");
        theInstance = this;
        queue = new Queue();
    }

    @Deprecated
    public static Jenkins getActiveInstance() throws IllegalStateException {
        Jenkins instance = HOLDER.getInstance();
        if (instance == null) {
            throw new IllegalStateException("Jenkins has not been started, or was already shut down");
        }
        return instance;
    }

    public static Jenkins getInstanceOrNull() {
        return HOLDER.getInstance();
    }

    public static Jenkins getInstance() {
        Jenkins instance = HOLDER.getInstance();
        return instance;
    }

    protected void updateComputerList() {
        updateComputerList(AUTOMATIC_SLAVE_LAUNCH);
    }

    public Computer[] getComputers() {
        Computer[] r = computers.values().toArray(new Computer[computers.size()]);
        Arrays.sort(r, new Comparator<Computer>() {
            @Override public int compare(Computer lhs, Computer rhs) {
                return lhs.getName().compareTo(rhs.getName());
            }
        });
        return r;
    }

    public Queue getQueue() {
        return queue;
    }

    public Cloud getCloud(String name) {
        return clouds.getByName(name);
    }

    protected Map<Node, Computer> getComputerMap() {
        return computers;
    }

    public List<Node> getNodes() {
        return nodes.getNodes();
    }

    public Node getNode(String name) {
        return nodes.getNode(name);
    }

    public void addNode(Node n) throws IOException {
        nodes.addNode(n);
    }

    public void removeNode(Node n) throws IOException {
        nodes.removeNode(n);
    }

    /*package*/ void trimLabels() {
        labels.clear();
        for (Node n : getNodes()) {
            labels.computeIfAbsent(n.getLabelString(), k -> new java.util.ArrayList<Node>()).add(n);
        }
    }
}
