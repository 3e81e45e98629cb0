package pulsar;

import java.util.concurrent.TimeUnit;

/** The consumer's configuration, reduced to what the negative acks use. */
public class ConsumerConfigurationData<T> {
  private String subscriptionName;
  private SubscriptionType subscriptionType = SubscriptionType.Exclusive;
  private long negativeAckRedeliveryDelayMicros = TimeUnit.MINUTES.toMicros(1);
  private RedeliveryBackoff negativeAckRedeliveryBackoff;

  public String getSubscriptionName() {
    return subscriptionName;
  }

  public void setSubscriptionName(String subscriptionName) {
    this.subscriptionName = subscriptionName;
  }

  public SubscriptionType getSubscriptionType() {
    return subscriptionType;
  }

  public void setSubscriptionType(SubscriptionType subscriptionType) {
    this.subscriptionType = subscriptionType;
  }

  public long getNegativeAckRedeliveryDelayMicros() {
    return negativeAckRedeliveryDelayMicros;
  }

  public void setNegativeAckRedeliveryDelayMicros(long negativeAckRedeliveryDelayMicros) {
    this.negativeAckRedeliveryDelayMicros = negativeAckRedeliveryDelayMicros;
  }

  public RedeliveryBackoff getNegativeAckRedeliveryBackoff() {
    return negativeAckRedeliveryBackoff;
  }

  public void setNegativeAckRedeliveryBackoff(RedeliveryBackoff negativeAckRedeliveryBackoff) {
    this.negativeAckRedeliveryBackoff = negativeAckRedeliveryBackoff;
  }
}
