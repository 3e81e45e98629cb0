package bank;

/** A helper that locks its parameters: the arguments say which locks they are. */
class Transfers {
  static final class Account {}

  static final class Journal {}

  private final Account savings = new Account();
  private final Journal journal = new Journal();

  static void nest(Account outer, Journal inner) {
    synchronized (outer) {
      synchronized (inner) {
        inner.hashCode();
      }
    }
  }

  void post() {
    nest(savings, journal);
  }

  void audit() {
    synchronized (journal) {
      synchronized (savings) {
        savings.hashCode();
      }
    }
  }
}
