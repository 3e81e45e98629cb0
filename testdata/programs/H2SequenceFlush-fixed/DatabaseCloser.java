package h2;

/** Closes the database when the last connection is gone, in a thread of its own. */
class DatabaseCloser extends Thread {
  private final Database database;

  DatabaseCloser(Database database) {
    this.database = database;
  }

  @Override
  public void run() {
    database.close(false);
  }
}
