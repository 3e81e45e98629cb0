import java.util.HashSet;
import java.util.Set;

/**
 * ec2-fleet-plugin 1.1.x, com.amazon.jenkins.ec2fleet.FleetStateStats (the pagination of
 * DescribeSpotFleetInstances folded into the stand-in).
 */
public final class FleetStateStats {
    private final String fleetId;
    private final int numActive;
    private final int numDesired;
    private final String state;
    private final Set<String> instances;
    private final String label;

    public FleetStateStats(final String fleetId,
                           final int numDesired, final String state,
                           final Set<String> instances,
                           final String label) {
        this.fleetId = fleetId;
        this.numActive = instances.size();
        this.numDesired = numDesired;
        this.state = state;
        this.instances = instances;
        this.label = label;
    }

    public String getFleetId() {
        return fleetId;
    }

    public int getNumActive() {
        return numActive;
    }

    public int getNumDesired() {
        return numDesired;
    }

    public String getState() {
        return state;
    }

    public Set<String> getInstances() {
        return instances;
    }

    public String getLabel() {
        return label;
    }

    public static FleetStateStats readClusterState(final AmazonEC2 ec2, final String fleetId, final String label) {
        final Set<String> instances = new HashSet<String>(ec2.describeSpotFleetInstances(fleetId));
        return new FleetStateStats(fleetId,
                ec2.describeSpotFleetTargetCapacity(fleetId),
                ec2.describeSpotFleetRequestState(fleetId), instances,
                label);
    }
}
