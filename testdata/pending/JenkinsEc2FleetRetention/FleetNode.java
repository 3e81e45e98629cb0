import java.io.IOException;

/**
 * ec2-fleet-plugin 1.1.x, com.amazon.jenkins.ec2fleet.cloud.FleetNode (an EphemeralNode; the
 * descriptor dropped).
 */
public class FleetNode extends Slave {
    private static final long LAUNCH_TIMEOUT_MS = 1000 * 1000L;
    private final String cloudName;

    public FleetNode(final String name, final String nodeDescription, final String remoteFS, final String numExecutors,
                     final String label, final String cloudName, ComputerLauncher launcher) throws IOException {
        super(name, nodeDescription, remoteFS, numExecutors, label,
                launcher, RetentionStrategy.NOOP);
        this.cloudName = cloudName;
    }

    @Override public Computer createComputer() {
        return new FleetNodeComputer(this);
    }

    public long getLaunchTimeoutInMillis() {
        return LAUNCH_TIMEOUT_MS;
    }

    public EC2FleetCloud getCloud() {
        return (EC2FleetCloud) Jenkins.getInstance().getCloud(cloudName);
    }
}
