package com.rabbitmq.client.impl.recovery;

import com.rabbitmq.utility.Utility;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RabbitMQ Java client 5.14, before pull request #785
 * (https://github.com/rabbitmq/rabbitmq-java-client/pull/785): the topology a connection recovers,
 * kept in synchronized collections that are also locked around compound updates.
 */
public class AutorecoveringConnection {
  private final Map<String, RecordedQueue> recordedQueues =
      Collections.synchronizedMap(new LinkedHashMap<>());
  private final List<RecordedBinding> recordedBindings = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, RecordedExchange> recordedExchanges =
      Collections.synchronizedMap(new LinkedHashMap<>());
  private final Map<String, RecordedConsumer> consumers = Collections.synchronizedMap(new LinkedHashMap<>());

  /** Run on the recovery thread once the new connection is open (queues only here). */
  void recoverTopology() {
    for (final Map.Entry<String, RecordedQueue> entry : Utility.copy(recordedQueues).entrySet()) {
      recoverQueue(entry.getKey(), entry.getValue(), true);
    }
  }

  public void recoverQueue(final String oldName, RecordedQueue q, boolean retry) {
    try {
      internalRecoverQueue(oldName, q, retry);
    } catch (RuntimeException cause) {
      // handed to the connection's exception handler
    }
  }

  private void internalRecoverQueue(final String oldName, RecordedQueue q, boolean retry) {
    q.recover();
    String newName = q.getName();
    if (!oldName.equals(newName)) {
      // make sure queues are re-added with
      // their new names, if applicable. MK.
      synchronized (this.recordedQueues) {
        this.propagateQueueNameChangeToBindings(oldName, newName);
        this.propagateQueueNameChangeToConsumers(oldName, newName);
        // bug26552:
        // remove old name after we've updated the bindings and consumers,
        deleteRecordedQueue(oldName);
        this.recordedQueues.put(newName, q);
      }
    }
  }

  private void propagateQueueNameChangeToBindings(String oldName, String newName) {
    for (RecordedBinding b : Utility.copy(this.recordedBindings)) {
      if (b.getDestination().equals(oldName)) {
        b.setDestination(newName);
      }
    }
  }

  private void propagateQueueNameChangeToConsumers(String oldName, String newName) {
    for (RecordedConsumer c : Utility.copy(this.consumers).values()) {
      if (c.getQueue().equals(oldName)) {
        c.setQueue(newName);
      }
    }
  }

  void recordQueue(String queue, RecordedQueue meta) {
    this.recordedQueues.put(queue, meta);
  }

  void deleteRecordedQueue(String queue) {
    this.recordedQueues.remove(queue);
    Set<RecordedBinding> xs = this.removeBindingsWithDestination(queue);
    for (RecordedBinding b : xs) {
      this.maybeDeleteRecordedAutoDeleteExchange(b.getSource());
    }
  }

  /** Called by the application: stop recovering a queue, if no consumer of it is left. */
  public void excludeQueueFromRecovery(final String queue, final boolean ifUnused) {
    if (ifUnused) {
      // Note: This is basically the same as maybeDeleteRecordedAutoDeleteQueue except it works for
      // non auto-delete queues as well.
      synchronized (this.consumers) {
        synchronized (this.recordedQueues) {
          if (!hasMoreConsumersOnQueue(this.consumers.values(), queue)) {
            deleteRecordedQueue(queue);
          }
        }
      }
    } else {
      deleteRecordedQueue(queue);
    }
  }

  void deleteRecordedExchange(String exchange) {
    this.recordedExchanges.remove(exchange);
    Set<RecordedBinding> xs = this.removeBindingsWithDestination(exchange);
    for (RecordedBinding b : xs) {
      this.maybeDeleteRecordedAutoDeleteExchange(b.getSource());
    }
  }

  void recordConsumer(String result, RecordedConsumer consumer) {
    this.consumers.put(result, consumer);
  }

  void maybeDeleteRecordedAutoDeleteExchange(String exchange) {
    synchronized (this.recordedExchanges) {
      if (!hasMoreDestinationsBoundToExchange(Utility.copy(this.recordedBindings), exchange)) {
        RecordedExchange x = this.recordedExchanges.get(exchange);
        // last binding where this exchange is the source is gone, remove recorded exchange
        // if it is auto-deleted. See bug 26364.
        if (x != null && x.isAutoDelete()) {
          deleteRecordedExchange(exchange);
        }
      }
    }
  }

  boolean hasMoreDestinationsBoundToExchange(List<RecordedBinding> bindings, String exchange) {
    boolean result = false;
    for (RecordedBinding b : bindings) {
      if (exchange.equals(b.getSource())) {
        result = true;
        break;
      }
    }
    return result;
  }

  boolean hasMoreConsumersOnQueue(Collection<RecordedConsumer> consumers, String queue) {
    boolean result = false;
    for (RecordedConsumer c : consumers) {
      if (queue.equals(c.getQueue())) {
        result = true;
        break;
      }
    }
    return result;
  }

  Set<RecordedBinding> removeBindingsWithDestination(String s) {
    final Set<RecordedBinding> result = new LinkedHashSet<>();
    synchronized (this.recordedBindings) {
      for (Iterator<RecordedBinding> it = this.recordedBindings.iterator(); it.hasNext(); ) {
        RecordedBinding b = it.next();
        if (b.getDestination().equals(s)) {
          it.remove();
          result.add(b);
        }
      }
    }
    return result;
  }
}
