package python;

/** Code compiled from Python source. */
abstract class PyBaseCode extends PyCode {}
