import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The report's setup, as a program: one spot fleet cloud with an idle timeout and a minimum size
 * of one; an agent already added; the fleet grows by one instance, and the cloud nanny (adding the
 * new agent under the cloud's monitor) runs while the retention work checks the first agent
 * (under the queue lock).
 */
public class Ec2FleetDeadlockTest {

    public static void main(String[] args) throws Exception {
        final Jenkins jenkins = new Hudson();
        final EC2FleetCloud cloud = new EC2FleetCloud("aws-creds", "us-east-1", "sfr-0001", "ec2-fleet",
                "/home/jenkins", new ComputerConnector(), true, 0, 1, 10, 1);
        jenkins.clouds.add(cloud);

        AmazonEC2Client.launch("i-0001");
        final CloudNanny nanny = new CloudNanny();
        final ComputerRetentionWork retention = new ComputerRetentionWork();
        nanny.run(); // the first agent joins

        AmazonEC2Client.launch("i-0002"); // the fleet scales up
        ScheduledFuture<?> a = Timer.get().schedule(nanny, 0, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> b = Timer.get().schedule(retention, 30, TimeUnit.MILLISECONDS);
        try {
            a.get(5, TimeUnit.SECONDS);
            b.get(5, TimeUnit.SECONDS);
            System.out.println("finished: nodes " + jenkins.getNodes().size());
        } catch (java.util.concurrent.TimeoutException e) {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long[] ids = mx.findDeadlockedThreads();
            System.out.println("Found deadlock:");
            if (ids != null) {
                for (ThreadInfo ti : mx.getThreadInfo(ids, true, true)) {
                    System.out.print(ti);
                }
            }
        }
    }
}
