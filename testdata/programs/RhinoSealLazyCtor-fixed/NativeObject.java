package rhino;

/** A plain JavaScript object, used here as the global scope. */
class NativeObject extends ScriptableObject {}
