package com.example.events;

/** Called by {@link EventLoop#fire()} for every event. */
public interface Listener {
  void onEvent();
}
