/**
 * ec2-fleet-plugin 1.1.x, com.amazon.jenkins.ec2fleet.cloud.FleetNodeComputer.
 */
public class FleetNodeComputer extends SlaveComputer {
    public FleetNodeComputer(final Slave slave) {
        super(slave);
    }

    @Override public FleetNode getNode() {
        return (FleetNode) super.getNode();
    }

    public EC2FleetCloud getCloud() {
        return getNode().getCloud();
    }
}
