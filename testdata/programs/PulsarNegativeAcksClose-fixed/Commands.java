package pulsar;

import java.util.List;

/** The protocol's commands, as strings. */
final class Commands {
  private Commands() {}

  static String newSubscribe(String topic, String subscription, long consumerId, long requestId,
      SubscriptionType subType, long epoch) {
    return "SUBSCRIBE " + topic + " " + subscription + " " + consumerId + " " + requestId + " "
        + subType + " " + epoch;
  }

  static String newFlow(long consumerId, int numMessages) {
    return "FLOW " + consumerId + " " + numMessages;
  }

  static String newCloseConsumer(long consumerId, long requestId) {
    return "CLOSE_CONSUMER " + consumerId + " " + requestId;
  }

  static String newRedeliverUnacknowledgedMessages(long consumerId, long consumerEpoch) {
    return "REDELIVER_UNACKNOWLEDGED_MESSAGES " + consumerId + " " + consumerEpoch;
  }

  static String newRedeliverUnacknowledgedMessages(long consumerId, List<MessageIdImpl> ids) {
    return "REDELIVER_UNACKNOWLEDGED_MESSAGES " + consumerId + " " + ids;
  }
}
