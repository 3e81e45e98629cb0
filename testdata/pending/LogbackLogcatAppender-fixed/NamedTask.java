package logback;

/** The application object of the report: its monitor guards its name, and it logs under it. */
class NamedTask {
  private static final Logger LOG = LoggerFactory.getLogger("NamedTask");

  private String name;

  synchronized String getName() {
    return name;
  }

  synchronized void setName(String name) {
    this.name = name;
  }

  synchronized void doStuff(int count) {
    LOG.debug("A is doing some synchronized stuff, count={}", count);
  }

  @Override
  public String toString() {
    return "My name is " + getName();
  }
}
