package com.rabbitmq.client.impl.recovery;

/** A queue the connection declared; a server-named queue gets a new name when recovered. */
public class RecordedQueue {
  private String name;
  private boolean autoDelete;
  private boolean serverNamed;

  public RecordedQueue(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public RecordedQueue autoDelete(boolean value) {
    this.autoDelete = value;
    return this;
  }

  public boolean isAutoDelete() {
    return autoDelete;
  }

  public RecordedQueue serverNamed(boolean value) {
    this.serverNamed = value;
    return this;
  }

  /** Declares the queue again on the new connection (queueDeclare on the channel, left out). */
  public void recover() {
    if (serverNamed) {
      this.name = "amq.gen-" + System.nanoTime();
    }
  }
}
