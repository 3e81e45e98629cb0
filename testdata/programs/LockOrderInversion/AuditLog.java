package bank;

import java.util.concurrent.locks.ReentrantLock;

/** Takes the audit log, then the ledger: the reverse order, in another file. */
class AuditLog {
  final ReentrantLock lock = new ReentrantLock();
  private Ledger ledger;
  private long checked;

  void attach(Ledger ledger) {
    this.ledger = ledger;
  }

  void record(long amount) {}

  void reconcile() {
    lock.lock();
    try {
      ledger.lock.lock();
      try {
        checked = ledger.total();
      } finally {
        ledger.lock.unlock();
      }
    } finally {
      lock.unlock();
    }
  }
}
