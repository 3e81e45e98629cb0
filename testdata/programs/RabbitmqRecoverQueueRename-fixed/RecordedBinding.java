package com.rabbitmq.client.impl.recovery;

/** A binding of a queue or an exchange (the destination) to an exchange (the source). */
public class RecordedBinding {
  private final String source;
  private String destination;

  public RecordedBinding(String source, String destination) {
    this.source = source;
    this.destination = destination;
  }

  public String getSource() {
    return source;
  }

  public String getDestination() {
    return destination;
  }

  public void setDestination(String destination) {
    this.destination = destination;
  }
}
