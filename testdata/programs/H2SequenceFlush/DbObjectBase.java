package h2;

/** The base of every database object: the database is set once, by initDbObjectBase. */
abstract class DbObjectBase {
  protected Database database;
  private int id;

  protected void initDbObjectBase(Database database, int id) {
    this.database = database;
    this.id = id;
  }

  int getId() {
    return id;
  }
}
