import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stand-in for the AWS SDK's AmazonEC2Client: one spot fleet held in memory (the plugin makes a
 * new client for every call). A call takes some time, as a request to EC2 does.
 */
public class AmazonEC2Client implements AmazonEC2 {

    static final List<String> FLEET_INSTANCES = new CopyOnWriteArrayList<String>();
    static volatile int targetCapacity;

    static void launch(String instanceId) {
        FLEET_INSTANCES.add(instanceId);
        targetCapacity = FLEET_INSTANCES.size();
    }

    private static void roundTrip() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public List<String> describeSpotFleetInstances(String spotFleetRequestId) {
        return new ArrayList<String>(FLEET_INSTANCES);
    }

    public int describeSpotFleetTargetCapacity(String spotFleetRequestId) {
        return targetCapacity;
    }

    public String describeSpotFleetRequestState(String spotFleetRequestId) {
        return "active";
    }

    public Instance describeInstance(String instanceId) {
        roundTrip();
        if (!FLEET_INSTANCES.contains(instanceId))
            return null;
        return new Instance(instanceId, "10.0.0." + FLEET_INSTANCES.indexOf(instanceId));
    }

    public void modifySpotFleetRequest(String spotFleetRequestId, int targetCapacity, String policy) {
        AmazonEC2Client.targetCapacity = targetCapacity;
    }

    public String terminateInstances(List<String> instanceIds) {
        roundTrip();
        FLEET_INSTANCES.removeAll(instanceIds);
        return "{TerminatingInstances: " + instanceIds + "}";
    }
}
