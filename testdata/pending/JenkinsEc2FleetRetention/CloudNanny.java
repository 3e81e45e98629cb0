import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * ec2-fleet-plugin 1.1.x, com.amazon.jenkins.ec2fleet.CloudNanny (an @Extension PeriodicWork);
 * the provisioner nudge and the status widgets dropped.
 */
public class CloudNanny extends PeriodicWork {
    private static final Logger LOGGER = Logger.getLogger(CloudNanny.class.getName());

    @Override public long getRecurrencePeriod() {
        return 10000L;
    }

    @Override protected void doRun() throws Exception {

        final List<FleetStateStats> stats = new ArrayList<FleetStateStats>();
        for (final Cloud cloud : Jenkins.getActiveInstance().clouds) {
            if (!(cloud instanceof EC2FleetCloud))
                continue;

            // Update the cluster states
            final EC2FleetCloud fleetCloud = (EC2FleetCloud) cloud;
            LOGGER.log(Level.FINE, "Checking cloud: " + fleetCloud.getLabelString());
            stats.add(fleetCloud.updateStatus());
        }
    }
}
