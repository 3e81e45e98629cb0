import java.io.IOException;

/**
 * Jenkins core 2.73.3, hudson.model.Node: what the computer list and the plugin ask of a node.
 */
public abstract class Node {

    public abstract String getNodeName();

    public abstract int getNumExecutors();

    public abstract String getLabelString();

    public abstract void setLabelString(String labelString) throws IOException;

    /** Creates a new {@link Computer} object that acts as the UI peer of this {@link Node}. */
    protected abstract Computer createComputer();

    public boolean isHoldOffLaunchUntilSave() {
        return false;
    }

    public final Computer toComputer() {
        AbstractCIBase ciBase = Jenkins.getInstance();
        return ciBase.getComputerMap().get(this);
    }
}
