package helix;

import java.util.List;

/** org.apache.helix.zookeeper.zkclient.IZkChildListener */
public interface IZkChildListener {
  void handleChildChange(String parentPath, List<String> currentChilds) throws Exception;
}
