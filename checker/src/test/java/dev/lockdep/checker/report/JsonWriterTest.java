package dev.lockdep.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  @Test
  void escapesEveryCharacterJsonRequires() {
    String nasty = "quote \" backslash \\ newline \n tab \t cr \r nul \u0000 bell \u0007 del \u007f ls \u2028 \u00e9 \ud83d\udd12";
    String json = new JsonWriter().beginObject().member("s", nasty).member("n", 42).endObject().toString();
    JsonObject parsed = JsonParser.parseString(json).getAsJsonObject();
    assertEquals(nasty, parsed.get("s").getAsString());
    assertEquals(42, parsed.get("n").getAsInt());
    StringBuilder escaped = new StringBuilder();
    JsonWriter.escape("\u0000\u001f\"\\", escaped);
    assertEquals("\\u0000\\u001f\\\"\\\\", escaped.toString());
  }

  @Test
  void indentsNestedContainersAndLeavesEmptyOnesOnOneLine() {
    String json =
        new JsonWriter()
            .beginObject()
            .name("a").beginArray().value(1).value("x").endArray()
            .name("e").beginArray().endArray()
            .name("o").beginObject().member("k", "v").endObject()
            .endObject()
            .toString();
    assertEquals(
        "{\n  \"a\": [\n    1,\n    \"x\"\n  ],\n  \"e\": [],\n  \"o\": {\n    \"k\": \"v\"\n  }\n}\n",
        json);
  }
}
