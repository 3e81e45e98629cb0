/**
 * Stand-in for hudson.slaves.ComputerLauncher (what the SSH connector returns).
 */
public class ComputerLauncher {
    private final String host;

    public ComputerLauncher(String host) {
        this.host = host;
    }

    public boolean isLaunchSupported() {
        return true;
    }
}
