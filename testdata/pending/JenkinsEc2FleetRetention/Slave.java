import java.io.IOException;

/**
 * Jenkins core 2.73.3, hudson.model.Slave: an agent node and its retention strategy.
 */
public abstract class Slave extends Node {

    protected String name;

    private final String description;

    protected final String remoteFS;

    private int numExecutors = 1;

    private String label = "";

    private ComputerLauncher launcher;

    private RetentionStrategy retentionStrategy;

    public Slave(String name, String nodeDescription, String remoteFS, String numExecutors,
                 String labelString, ComputerLauncher launcher, RetentionStrategy retentionStrategy) {
        this.name = name;
        this.description = nodeDescription;
        this.numExecutors = Integer.parseInt(numExecutors);
        this.remoteFS = remoteFS;
        this.label = labelString == null ? "" : labelString.trim();
        this.launcher = launcher;
        this.retentionStrategy = retentionStrategy;
    }

    public String getNodeName() {
        return name;
    }

    public int getNumExecutors() {
        return numExecutors;
    }

    public ComputerLauncher getLauncher() {
        return launcher;
    }

    public RetentionStrategy getRetentionStrategy() {
        return retentionStrategy == null ? RetentionStrategy.Always.INSTANCE : retentionStrategy;
    }

    public void setRetentionStrategy(RetentionStrategy availabilityStrategy) {
        this.retentionStrategy = availabilityStrategy;
    }

    public String getLabelString() {
        return label;
    }

    @Override
    public void setLabelString(String labelString) throws IOException {
        this.label = labelString == null ? "" : labelString.trim();
    }

    public Computer createComputer() {
        return new SlaveComputer(this);
    }
}
