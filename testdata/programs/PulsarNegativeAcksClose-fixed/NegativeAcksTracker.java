package pulsar;

import java.io.Closeable;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Keeps the negatively acknowledged messages and asks for their redelivery from the timer. */
class NegativeAcksTracker implements Closeable {
  private ConcurrentLongLongPairHashMap nackedMessages = null;

  private final ConsumerBase<?> consumer;
  private final Timer timer;
  private final long nackDelayNanos;
  private final long timerIntervalNanos;
  private final RedeliveryBackoff negativeAckRedeliveryBackoff;

  private Timeout timeout;

  // Set a min delay to allow for grouping nacks within a single batch
  private static final long MIN_NACK_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long NON_PARTITIONED_TOPIC_PARTITION_INDEX = Long.MAX_VALUE;

  public NegativeAcksTracker(ConsumerBase<?> consumer, ConsumerConfigurationData<?> conf) {
    this.consumer = consumer;
    this.timer = consumer.getClient().timer();
    this.nackDelayNanos = Math.max(
        TimeUnit.MICROSECONDS.toNanos(conf.getNegativeAckRedeliveryDelayMicros()),
        MIN_NACK_DELAY_NANOS);
    this.negativeAckRedeliveryBackoff = conf.getNegativeAckRedeliveryBackoff();
    if (negativeAckRedeliveryBackoff != null) {
      this.timerIntervalNanos = Math.max(
          TimeUnit.MILLISECONDS.toNanos(negativeAckRedeliveryBackoff.next(0)),
          MIN_NACK_DELAY_NANOS) / 3;
    } else {
      this.timerIntervalNanos = nackDelayNanos / 3;
    }
  }

  private void triggerRedelivery(Timeout t) {
    Set<MessageId> messagesToRedeliver = new HashSet<>();
    synchronized (this) {
      if (nackedMessages.isEmpty()) {
        this.timeout = null;
        return;
      }

      long now = System.nanoTime();
      nackedMessages.forEach((ledgerId, entryId, partitionIndex, timestamp) -> {
        if (timestamp < now) {
          MessageId msgId = new MessageIdImpl(ledgerId, entryId,
              // need to covert non-partitioned topic partition index to -1
              (int) (partitionIndex == NON_PARTITIONED_TOPIC_PARTITION_INDEX ? -1 : partitionIndex));
          messagesToRedeliver.add(msgId);
        }
      });
      for (MessageId messageId : messagesToRedeliver) {
        nackedMessages.remove(((MessageIdImpl) messageId).getLedgerId(),
            ((MessageIdImpl) messageId).getEntryId());
      }
      this.timeout = timer.newTimeout(this::triggerRedelivery, timerIntervalNanos,
          TimeUnit.NANOSECONDS);
    }

    // release the lock of NegativeAcksTracker before calling consumer.redeliverUnacknowledgedMessages,
    // in which we may acquire the lock of consumer, leading to potential deadlock.
    if (!messagesToRedeliver.isEmpty()) {
      consumer.onNegativeAcksSend(messagesToRedeliver);
      System.out.println("[" + consumer + "] " + messagesToRedeliver.size()
          + " messages will be re-delivered");
      consumer.redeliverUnacknowledgedMessages(messagesToRedeliver);
    }
  }

  public synchronized void add(MessageId messageId) {
    add(messageId, 0);
  }

  public synchronized void add(Message<?> message) {
    add(message.getMessageId(), message.getRedeliveryCount());
  }

  private synchronized void add(MessageId messageId, int redeliveryCount) {
    if (nackedMessages == null) {
      nackedMessages = ConcurrentLongLongPairHashMap.newBuilder()
          .autoShrink(true)
          .concurrencyLevel(1)
          .build();
    }

    long backoffNs;
    if (negativeAckRedeliveryBackoff != null) {
      backoffNs = TimeUnit.MILLISECONDS.toNanos(negativeAckRedeliveryBackoff.next(redeliveryCount));
    } else {
      backoffNs = nackDelayNanos;
    }
    MessageIdImpl messageIdAdv = (MessageIdImpl) messageId;
    // ConcurrentLongLongPairHashMap requires the key and value >=0.
    nackedMessages.put(messageIdAdv.getLedgerId(), messageIdAdv.getEntryId(),
        messageIdAdv.getPartitionIndex() >= 0 ? messageIdAdv.getPartitionIndex()
            : NON_PARTITIONED_TOPIC_PARTITION_INDEX, System.nanoTime() + backoffNs);

    if (this.timeout == null) {
      // Schedule a task and group all the redeliveries for same period. Leave a small buffer to
      // allow for nack immediately following the current one will be batched into the same
      // redeliver request.
      this.timeout = timer.newTimeout(this::triggerRedelivery, timerIntervalNanos,
          TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public synchronized void close() {
    if (timeout != null && !timeout.isCancelled()) {
      timeout.cancel();
      timeout = null;
    }

    if (nackedMessages != null) {
      nackedMessages.clear();
      nackedMessages = null;
    }
  }
}
