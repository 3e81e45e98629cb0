package h2;

/** A database object that belongs to a schema. */
abstract class SchemaObjectBase extends DbObjectBase {}
