package pulsar;

/** The API's subscription types. */
public enum SubscriptionType {
  Exclusive, Shared, Failover, Key_Shared
}
