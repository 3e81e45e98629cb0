package pulsar;

/** The API's message id (org.apache.pulsar.client.api.MessageId). */
public interface MessageId {}
