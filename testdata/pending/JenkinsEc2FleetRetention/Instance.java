/**
 * Stand-in for com.amazonaws.services.ec2.model.Instance.
 */
public class Instance {
    private final String instanceId;
    private final String privateIpAddress;

    public Instance(String instanceId, String privateIpAddress) {
        this.instanceId = instanceId;
        this.privateIpAddress = privateIpAddress;
    }

    public String getInstanceId() {
        return instanceId;
    }

    public String getPrivateIpAddress() {
        return privateIpAddress;
    }

    public String getPublicIpAddress() {
        return null;
    }
}
