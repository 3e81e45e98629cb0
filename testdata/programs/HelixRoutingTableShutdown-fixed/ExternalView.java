package helix;

/** org.apache.helix.model.ExternalView */
public class ExternalView extends HelixProperty {
  public ExternalView(String resourceName) {
    super(resourceName);
  }
}
