package app;

import logging.Logger;

/** Another thread logs the inventory itself: the handler calls its toString(). */
class Auditor {
  private final Logger logger;

  Auditor(Logger logger) {
    this.logger = logger;
  }

  void audit(Inventory inventory) {
    logger.log("auditing", inventory);
  }
}
