import java.util.List;

/**
 * Stand-in for the AWS SDK's com.amazonaws.services.ec2.AmazonEC2: the calls the plugin makes,
 * with the request and result objects folded into parameters and return values.
 */
public interface AmazonEC2 {
    /** DescribeSpotFleetInstances (the pages of active instances). */
    List<String> describeSpotFleetInstances(String spotFleetRequestId);

    /** DescribeSpotFleetRequests: the fleet's target capacity. */
    int describeSpotFleetTargetCapacity(String spotFleetRequestId);

    /** DescribeSpotFleetRequests: the fleet's state. */
    String describeSpotFleetRequestState(String spotFleetRequestId);

    /** DescribeInstances for one instance id; null if there is no reservation. */
    Instance describeInstance(String instanceId);

    /** ModifySpotFleetRequest. */
    void modifySpotFleetRequest(String spotFleetRequestId, int targetCapacity, String excessCapacityTerminationPolicy);

    /** TerminateInstances; the result's text. */
    String terminateInstances(List<String> instanceIds);
}
