/**
 * Stand-in for hudson.slaves.ComputerConnector (the SSH build agents plugin's SSHConnector in
 * the report's setup): makes a launcher for an address.
 */
public class ComputerConnector {
    public ComputerLauncher launch(String host, Object listener) {
        return new ComputerLauncher(host);
    }
}
