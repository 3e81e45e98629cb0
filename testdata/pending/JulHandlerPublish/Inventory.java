package app;

import logging.Logger;

/** Application code: logs while holding its own monitor; its toString() takes the same monitor. */
public class Inventory {
  private final Logger logger;
  private int count;

  Inventory(Logger logger) {
    this.logger = logger;
  }

  synchronized void restock(int items) {
    count += items;
    logger.log("restocked", items);
  }

  @Override
  public synchronized String toString() {
    return "Inventory[" + count + "]";
  }
}
