package pulsar;

import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** What the single-topic and the multi-topic consumers share. */
public abstract class ConsumerBase<T> extends HandlerState implements Consumer<T> {
  protected final String subscription;
  protected final ConsumerConfigurationData<T> conf;
  protected final CompletableFuture<Consumer<T>> subscribeFuture;
  protected final ConsumerInterceptors<T> interceptors;
  final BlockingQueue<Message<T>> incomingMessages;
  protected final Lock incomingQueueLock = new ReentrantLock();

  @SuppressWarnings("rawtypes")
  protected static final AtomicLongFieldUpdater<ConsumerBase> CONSUMER_EPOCH =
      AtomicLongFieldUpdater.newUpdater(ConsumerBase.class, "consumerEpoch");
  protected volatile long consumerEpoch;

  protected ConsumerBase(PulsarClientImpl client, String topic, ConsumerConfigurationData<T> conf,
      CompletableFuture<Consumer<T>> subscribeFuture, ConsumerInterceptors<T> interceptors) {
    super(client, topic);
    this.subscription = conf.getSubscriptionName();
    this.conf = conf;
    this.subscribeFuture = subscribeFuture;
    this.interceptors = interceptors;
    this.incomingMessages = new LinkedBlockingQueue<>();
  }

  @Override
  public void close() throws PulsarClientException {
    try {
      closeAsync().get();
    } catch (Exception e) {
      throw PulsarClientException.unwrap(e);
    }
  }

  @Override
  public abstract CompletableFuture<Void> closeAsync();

  public abstract void redeliverUnacknowledgedMessages(Set<MessageId> messageIds);

  protected void onNegativeAcksSend(Set<MessageId> messageIds) {
    if (interceptors != null) {
      interceptors.onNegativeAcksSend(this, messageIds);
    }
  }

  protected void clearIncomingMessages() {
    incomingMessages.clear();
  }

  protected CompletableFuture<Void> failPendingReceive() {
    return CompletableFuture.completedFuture(null);
  }

  PulsarClientImpl getClient() {
    return client;
  }

  @Override
  public String toString() {
    return "ConsumerBase{subscription='" + subscription + "', topic='" + topic + "'}";
  }
}
