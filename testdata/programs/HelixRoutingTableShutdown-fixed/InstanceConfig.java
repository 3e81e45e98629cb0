package helix;

/** org.apache.helix.model.InstanceConfig */
public class InstanceConfig extends HelixProperty {
  public InstanceConfig(String instanceName) {
    super(instanceName);
  }
}
