package app;

import logging.ConsoleHandler;
import logging.Logger;

/** The application installs one handler, the console's; FileHandler is never installed. */
class App {
  final Logger logger = new Logger();
  final Inventory inventory = new Inventory(logger);
  final Auditor auditor = new Auditor(logger);

  App() {
    logger.addHandler(new ConsoleHandler());
  }
}
