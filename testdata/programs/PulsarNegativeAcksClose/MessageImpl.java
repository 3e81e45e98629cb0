package pulsar;

/** A received message. */
public class MessageImpl<T> implements Message<T> {
  private final MessageIdImpl messageId;
  private final int redeliveryCount;
  private final T value;

  MessageImpl(MessageIdImpl messageId, int redeliveryCount, T value) {
    this.messageId = messageId;
    this.redeliveryCount = redeliveryCount;
    this.value = value;
  }

  @Override
  public MessageId getMessageId() {
    return messageId;
  }

  @Override
  public int getRedeliveryCount() {
    return redeliveryCount;
  }

  @Override
  public T getValue() {
    return value;
  }
}
