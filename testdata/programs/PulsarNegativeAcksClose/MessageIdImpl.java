package pulsar;

import java.util.Objects;

/** A message id: ledger, entry and partition. */
public class MessageIdImpl implements MessageId {
  protected final long ledgerId;
  protected final long entryId;
  protected final int partitionIndex;

  public MessageIdImpl(long ledgerId, long entryId, int partitionIndex) {
    this.ledgerId = ledgerId;
    this.entryId = entryId;
    this.partitionIndex = partitionIndex;
  }

  public long getLedgerId() {
    return ledgerId;
  }

  public long getEntryId() {
    return entryId;
  }

  public int getPartitionIndex() {
    return partitionIndex;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MessageIdImpl)) {
      return false;
    }
    MessageIdImpl other = (MessageIdImpl) o;
    return ledgerId == other.ledgerId && entryId == other.entryId;
  }

  @Override
  public int hashCode() {
    return Objects.hash(ledgerId, entryId);
  }

  @Override
  public String toString() {
    return ledgerId + ":" + entryId + ":" + partitionIndex;
  }
}
