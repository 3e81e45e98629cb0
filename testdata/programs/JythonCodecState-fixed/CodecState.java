package python;

/** The registry of codecs and the default encoding. */
class CodecState {
  String getDefaultEncoding() {
    return "ascii";
  }
}
