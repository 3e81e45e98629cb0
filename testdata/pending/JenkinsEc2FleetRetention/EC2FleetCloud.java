import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * ec2-fleet-plugin 1.1.x (before e6f8f4e), com.amazon.jenkins.ec2fleet.EC2FleetCloud: the status
 * update, adding and removing nodes, and terminating an instance; provision (the second path
 * fixed later, a37650a), canProvision, the descriptor and the planned nodes dropped.
 */
public class EC2FleetCloud extends Cloud {
    public static final String FLEET_CLOUD_ID = "FleetCloud";

    private final String credentialsId;
    private final String region;
    private final String fleet;
    private final String fsRoot;
    private final ComputerConnector computerConnector;
    private final boolean privateIpUsed;
    private final String labelString;
    private final Integer idleMinutes;
    private final Integer minSize;
    private final Integer maxSize;
    private final Integer numExecutors;
    private FleetStateStats status;

    // instancesSeen are all nodes known to both Jenkins and the fleet
    private final Set<String> instancesSeen = new HashSet<String>();
    // instancesDying are terminated nodes known to both Jenkins and the fleet,
    // that are waiting for termination
    private final Set<String> instancesDying = new HashSet<String>();

    private static final Logger LOGGER = Logger.getLogger(EC2FleetCloud.class.getName());

    public static String join(final String separator, final Iterable<String> elements) {
        StringBuilder sb = new StringBuilder();
        boolean isFirst = true;
        for (String i : elements) {
            if (!isFirst) sb.append(separator);
            else isFirst = false;
            sb.append(i);
        }
        return sb.toString();
    }

    public EC2FleetCloud(final String credentialsId,
                         final String region,
                         final String fleet,
                         final String labelString,
                         final String fsRoot,
                         final ComputerConnector computerConnector,
                         final boolean privateIpUsed,
                         final Integer idleMinutes,
                         final Integer minSize,
                         final Integer maxSize,
                         final Integer numExecutors) {
        super(FLEET_CLOUD_ID);
        this.credentialsId = credentialsId;
        this.region = region;
        this.fleet = fleet;
        this.fsRoot = fsRoot;
        this.computerConnector = computerConnector;
        this.labelString = labelString;
        this.idleMinutes = idleMinutes;
        this.privateIpUsed = privateIpUsed;
        this.minSize = minSize;
        this.maxSize = maxSize;
        this.numExecutors = numExecutors;

        this.status = new FleetStateStats(fleet, 0, "Initializing", Collections.<String>emptySet(), labelString);
    }

    public String getFleet() {
        return fleet;
    }

    public boolean isPrivateIpUsed() {
        return privateIpUsed;
    }

    public String getLabelString() {
        return this.labelString;
    }

    public Integer getIdleMinutes() {
        return idleMinutes;
    }

    public Integer getMaxSize() {
        return maxSize;
    }

    public Integer getMinSize() {
        return minSize;
    }

    public FleetStateStats getStatus() {
        return status;
    }

    private synchronized void removeNode(String instanceId) {
        final Jenkins jenkins = Jenkins.getInstance();
        //noinspection SynchronizationOnLocalVariableOrMethodParameter
        synchronized (jenkins) {
            // If this node is dying, remove it from Jenkins
            final Node n = jenkins.getNode(instanceId);
            if (n != null) {
                try {
                    jenkins.removeNode(n);
                } catch (final Exception ex) {
                    LOGGER.log(Level.WARNING, "Error removing node " + instanceId);
                    throw new IllegalStateException(ex);
                }
            }
        }
    }

    public synchronized FleetStateStats updateStatus() {
        final AmazonEC2 ec2 = connect(credentialsId, region);
        final FleetStateStats curStatus = FleetStateStats.readClusterState(ec2, getFleet(), this.labelString);
        status = curStatus;
        LOGGER.log(Level.FINE, "Fleet Update Status called");
        LOGGER.log(Level.FINE, "# of nodes:" + Jenkins.getInstance().getNodes().size());

        // Check the nodes to see if we have some new ones
        final Set<String> newInstances = new HashSet<String>(curStatus.getInstances());
        instancesSeen.clear();
        LOGGER.log(Level.FINE, "Fleet (" + getLabelString() + ") contains instances [" + join(", ", newInstances) + "]");
        LOGGER.log(Level.FINE, "Jenkins contains dying instances [" + join(", ", instancesDying) + "]");
        for (final Node node : Jenkins.getInstance().getNodes()) {
            if (newInstances.contains(node.getNodeName())) {
                // instancesSeen should only have the intersection of nodes
                // known by Jenkins and by the fleet.
                instancesSeen.add(node.getNodeName());
            } else if (instancesDying.contains(node.getNodeName())) {
                LOGGER.log(Level.INFO, "Fleet (" + getLabelString() + ") no longer has the instance " + node.getNodeName() + ", removing from Jenkins.");
                removeNode(node.getNodeName());
                instancesDying.remove(node.getNodeName());
                instancesSeen.remove(node.getNodeName());
            }
        }

        // We should only keep dying instances that are still visible to both
        // Jenkins and the fleet.
        instancesDying.retainAll(instancesSeen);

        // New instances are only ones that Jenkins hasn't seen
        newInstances.removeAll(instancesSeen);

        // Update the label for all seen instances, unless they're dying
        for (final String instId : instancesSeen) {
            if (instancesDying.contains(instId))
                continue;

            Node node = Jenkins.getInstance().getNode(instId);
            if (node == null)
                continue;

            if (!this.labelString.equals(node.getLabelString())) {
                try {
                    LOGGER.log(Level.INFO, "Updating label on node " + instId + " to \"" + this.labelString + "\".");
                    node.setLabelString(this.labelString);
                } catch (final Exception ex) {
                    LOGGER.log(Level.WARNING, "Unable to set label on node " + instId);
                }
            }
        }

        // If we have new instances - create nodes for them!
        try {
            if (newInstances.size() > 0) {
                LOGGER.log(Level.INFO, "Found new instances from fleet (" + getLabelString() + "): [" + join(", ", newInstances) + "]");
            }
            for (final String instanceId : newInstances) {
                addNewSlave(ec2, instanceId);
            }
        } catch (final Exception ex) {
            LOGGER.log(Level.WARNING, "Unable to add a new instance. Exception: " + ex.toString());
        }

        return curStatus;
    }

    private void addNewSlave(final AmazonEC2 ec2, final String instanceId) throws Exception {
        // Generate a random FS root if one isn't specified
        String fsRoot = this.fsRoot;
        if (fsRoot == null || fsRoot.equals("")) {
            fsRoot = "/tmp/jenkins-" + UUID.randomUUID().toString().substring(0, 8);
        }

        final Instance instance = ec2.describeInstance(instanceId);
        if (instance == null) //Can't find this instance, skip it
            return;
        final String address = isPrivateIpUsed() ?
                instance.getPrivateIpAddress() : instance.getPublicIpAddress();

        // Check if we have the address to use. Nodes don't get it immediately.
        if (address == null)
            return; // Wait some more...

        final FleetNode slave = new FleetNode(instanceId, "Fleet slave for" + instanceId,
                fsRoot, this.numExecutors.toString(), this.labelString,
                FLEET_CLOUD_ID, computerConnector.launch(address, null));

        // Initialize our retention strategy
        if (getIdleMinutes() != null)
            slave.setRetentionStrategy(new IdleRetentionStrategy(getIdleMinutes(), this));

        final Jenkins jenkins = Jenkins.getInstance();
        //noinspection SynchronizationOnLocalVariableOrMethodParameter
        synchronized (jenkins) {
            // Try to avoid duplicate nodes
            final Node n = jenkins.getNode(instanceId);
            if (n != null)
                jenkins.removeNode(n);
            jenkins.addNode(slave);
        }

        //A new node, wheee!
        instancesSeen.add(instanceId);
    }

    public synchronized boolean terminateInstance(final String instanceId) {
        LOGGER.log(Level.INFO, "Attempting to terminate instance: " + instanceId);

        final FleetStateStats stats = updateStatus();

        if (!instancesSeen.contains(instanceId)) {
            LOGGER.log(Level.INFO, "Unknown instance terminated: " + instanceId);
            return false;
        }

        final AmazonEC2 ec2 = connect(credentialsId, region);

        if (!instancesDying.contains(instanceId)) {
            // We can't remove instances beyond minSize
            if (stats.getNumDesired() == this.getMinSize() || !"active".equals(stats.getState())) {
                LOGGER.log(Level.INFO, "Not terminating " + instanceId + " because we need a minimum of " + Integer.toString(this.getMinSize()) + " instances running.");
                return false;
            }

            // These operations aren't idempotent so only do them once
            ec2.modifySpotFleetRequest(fleet, stats.getNumDesired() - 1, "NoTermination");

            //And remove the instance
            instancesDying.add(instanceId);
        }

        // terminateInstances is idempotent so it can be called until it's successful
        final String result = ec2.terminateInstances(Collections.singletonList(instanceId));
        LOGGER.log(Level.INFO, "Instance " + instanceId + " termination result: " + result);

        return true;
    }

    private static AmazonEC2 connect(final String credentialsId, final String region) {
        // the credentials lookup and the regional endpoint dropped
        return new AmazonEC2Client();
    }
}
