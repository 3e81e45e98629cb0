package pulsar;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/** The single-topic consumer. */
public class ConsumerImpl<T> extends ConsumerBase<T> implements ConnectionHandler.Connection {
  final long consumerId;

  @SuppressWarnings("rawtypes")
  private static final AtomicIntegerFieldUpdater<ConsumerImpl> AVAILABLE_PERMITS_UPDATER =
      AtomicIntegerFieldUpdater.newUpdater(ConsumerImpl.class, "availablePermits");
  @SuppressWarnings("unused")
  private volatile int availablePermits = 0;

  private final NegativeAcksTracker negativeAcksTracker;
  private final ConnectionHandler connectionHandler;

  static <T> ConsumerImpl<T> newConsumerImpl(PulsarClientImpl client, String topic,
      ConsumerConfigurationData<T> conf, CompletableFuture<Consumer<T>> subscribeFuture,
      ConsumerInterceptors<T> interceptors) {
    return new ConsumerImpl<>(client, topic, conf, subscribeFuture, interceptors);
  }

  protected ConsumerImpl(PulsarClientImpl client, String topic, ConsumerConfigurationData<T> conf,
      CompletableFuture<Consumer<T>> subscribeFuture, ConsumerInterceptors<T> interceptors) {
    super(client, topic, conf, subscribeFuture, interceptors);
    this.consumerId = client.newConsumerId();
    this.negativeAcksTracker = new NegativeAcksTracker(this, conf);
    this.connectionHandler = new ConnectionHandler(this, this);
  }

  void grabCnx() {
    connectionHandler.grabCnx();
  }

  @Override
  public void negativeAcknowledge(MessageId messageId) {
    negativeAcksTracker.add(messageId);
  }

  @Override
  public void negativeAcknowledge(Message<?> message) {
    negativeAcksTracker.add(message);
  }

  @Override
  public CompletableFuture<Void> connectionOpened(final ClientCnx cnx) {
    final State state = getState();
    if (state == State.Closing || state == State.Closed) {
      setState(State.Closed);
      closeConsumerTasks();
      deregisterFromClientCnx();
      client.cleanupConsumer(this);
      return CompletableFuture.completedFuture(null);
    }

    long requestId = client.newRequestId();
    synchronized (this) {
      setClientCnx(cnx);
      clearIncomingMessages();
    }

    // synchronized this, because redeliverUnAckMessage eliminate the epoch inconsistency between them
    final CompletableFuture<Void> future = new CompletableFuture<>();
    synchronized (this) {
      String request = Commands.newSubscribe(topic, subscription, consumerId, requestId,
          conf.getSubscriptionType(), CONSUMER_EPOCH.get(this));

      cnx.sendRequestWithId(request, requestId).thenRun(() -> {
        synchronized (ConsumerImpl.this) {
          if (!changeToReadyState()) {
            // Consumer was closed while reconnecting, close the connection to make sure the broker
            // drops the consumer on its side
            setState(State.Closed);
            deregisterFromClientCnx();
            client.cleanupConsumer(this);
            cnx.close();
            future.complete(null);
            return;
          }
        }
        subscribeFuture.complete(this);
        increaseAvailablePermits(cnx, 1000);
        future.complete(null);
      });
    }
    return future;
  }

  @Override
  public void connectionFailed(PulsarClientException exception) {
    if (subscribeFuture.completeExceptionally(exception)) {
      setState(State.Failed);
      closeConsumerTasks();
      deregisterFromClientCnx();
      client.cleanupConsumer(this);
    }
  }

  @Override
  public synchronized CompletableFuture<Void> closeAsync() {
    CompletableFuture<Void> closeFuture = new CompletableFuture<>();

    if (getState() == State.Closing || getState() == State.Closed) {
      closeConsumerTasks();
      failPendingReceive().whenComplete((r, t) -> closeFuture.complete(null));
      return closeFuture;
    }

    if (!isConnected()) {
      setState(State.Closed);
      closeConsumerTasks();
      deregisterFromClientCnx();
      client.cleanupConsumer(this);
      failPendingReceive().whenComplete((r, t) -> closeFuture.complete(null));
      return closeFuture;
    }

    setState(State.Closing);

    closeConsumerTasks();

    long requestId = client.newRequestId();

    ClientCnx cnx = cnx();
    if (null == cnx) {
      cleanupAtClose(closeFuture, null);
    } else {
      String cmd = Commands.newCloseConsumer(consumerId, requestId);
      cnx.sendRequestWithId(cmd, requestId).handle((v, exception) -> {
        cleanupAtClose(closeFuture, exception);
        return null;
      });
    }
    return closeFuture;
  }

  private void cleanupAtClose(CompletableFuture<Void> closeFuture, Throwable exception) {
    setState(State.Closed);
    closeConsumerTasks();
    deregisterFromClientCnx();
    client.cleanupConsumer(this);

    // fail all pending-receive futures to notify application
    failPendingReceive().whenComplete((r, t) -> {
      if (exception != null) {
        closeFuture.completeExceptionally(exception);
      } else {
        closeFuture.complete(null);
      }
    });
  }

  private void closeConsumerTasks() {
    negativeAcksTracker.close();
  }

  void deregisterFromClientCnx() {
    setClientCnx(null);
  }

  @Override
  public void redeliverUnacknowledgedMessages() {
    // First : synchronized in order to handle consumer reconnect produce race condition, when broker
    // receive redeliverUnacknowledgedMessages and consumer have not be created and then receive
    // reconnect epoch change the broker is smaller than the client epoch, this will cause client
    // epoch smaller than broker epoch forever. client will not receive message anymore.
    // Second : we should synchronized `ClientCnx cnx = cnx()` to prevent use old cnx to send
    // redeliverUnacknowledgedMessages to a old broker
    synchronized (ConsumerImpl.this) {
      ClientCnx cnx = cnx();
      // V1 don't support redeliverUnacknowledgedMessages
      if (cnx != null && cnx.getRemoteEndpointProtocolVersion() < ProtocolVersion.v2.getValue()) {
        if ((getState() == State.Connecting)) {
          System.err.println(this + " Client Connection needs to be established "
              + "for redelivery of unacknowledged messages");
        } else {
          cnx.close();
        }
        return;
      }

      // clear local message
      int currentSize;
      incomingQueueLock.lock();
      try {
        // we should increase epoch every time, because MultiTopicsConsumerImpl also increase it,
        // we need to keep both epochs the same
        if (conf.getSubscriptionType() == SubscriptionType.Failover
            || conf.getSubscriptionType() == SubscriptionType.Exclusive) {
          CONSUMER_EPOCH.incrementAndGet(this);
        }
        // clear local message
        currentSize = incomingMessages.size();
        clearIncomingMessages();
      } finally {
        incomingQueueLock.unlock();
      }

      // is channel is connected, we should send redeliver command to broker
      if (cnx != null && isConnected(cnx)) {
        cnx.writeAndFlush(Commands.newRedeliverUnacknowledgedMessages(consumerId,
            CONSUMER_EPOCH.get(this)));
        if (currentSize > 0) {
          increaseAvailablePermits(cnx, currentSize);
        }
      } else {
        System.err.println(this + " Send redeliver messages command but the client is reconnect or"
            + " close, so don't need to send redeliver command to broker");
      }
    }
  }

  @Override
  public void redeliverUnacknowledgedMessages(Set<MessageId> messageIds) {
    if (messageIds.isEmpty()) {
      return;
    }

    if (conf.getSubscriptionType() != SubscriptionType.Shared
        && conf.getSubscriptionType() != SubscriptionType.Key_Shared) {
      // We cannot redeliver single messages if subscription type is not Shared
      redeliverUnacknowledgedMessages();
      return;
    }
    ClientCnx cnx = cnx();
    if (isConnected() && cnx.getRemoteEndpointProtocolVersion() >= ProtocolVersion.v2.getValue()) {
      int messagesFromQueue = removeExpiredMessagesFromQueue(messageIds);
      List<MessageIdImpl> ids = new ArrayList<>();
      for (MessageId id : messageIds) {
        ids.add((MessageIdImpl) id);
      }
      cnx.writeAndFlush(Commands.newRedeliverUnacknowledgedMessages(consumerId, ids));
      if (messagesFromQueue > 0) {
        increaseAvailablePermits(cnx, messagesFromQueue);
      }
      return;
    }
    if (cnx == null || (getState() == State.Connecting)) {
      System.err.println(this + " Client Connection needs to be established for redelivery of"
          + " unacknowledged messages");
    } else {
      cnx.close();
    }
  }

  private int removeExpiredMessagesFromQueue(Set<MessageId> messageIds) {
    int messagesFromQueue = 0;
    Message<T> peek = incomingMessages.peek();
    if (peek != null && messageIds.contains(peek.getMessageId())) {
      while (incomingMessages.poll() != null) {
        messagesFromQueue++;
      }
    }
    return messagesFromQueue;
  }

  private void increaseAvailablePermits(ClientCnx currentCnx, int delta) {
    int available = AVAILABLE_PERMITS_UPDATER.addAndGet(this, delta);
    if (available >= 500) {
      if (AVAILABLE_PERMITS_UPDATER.compareAndSet(this, available, 0)) {
        currentCnx.writeAndFlush(Commands.newFlow(consumerId, available));
      }
    }
  }

  public boolean isConnected() {
    return cnx() != null && (getState() == State.Ready);
  }

  public boolean isConnected(ClientCnx cnx) {
    return cnx != null && (getState() == State.Ready);
  }

  ClientCnx cnx() {
    return this.connectionHandler.cnx();
  }

  void setClientCnx(ClientCnx clientCnx) {
    this.connectionHandler.setClientCnx(clientCnx);
  }
}
