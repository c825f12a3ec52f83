package dev.ormlens.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code --format json}: {@code {"diagnostics": [{path, code, severity, message, line, column,
 * endLine, endColumn, related: [{path, line, column, endLine, endColumn, message}]}], "notes":
 * [...]}}. Lines and columns are 1-based; columns count UTF-16 code units, as LSP does.
 */
final class JsonReport {
  private JsonReport() {}

  static void write(List<Finding> findings, List<String> notes, PrintWriter out) {
    JsonArray diagnostics = new JsonArray();
    for (Finding f : findings) {
      JsonObject o = new JsonObject();
      o.addProperty("path", f.path());
      o.addProperty("code", f.code());
      o.addProperty("severity", f.severity().label());
      o.addProperty("message", f.message());
      addSpan(o, f.span());
      JsonArray related = new JsonArray();
      for (Finding.Related r : f.related()) {
        JsonObject ro = new JsonObject();
        ro.addProperty("path", r.path());
        addSpan(ro, r.span());
        ro.addProperty("message", r.message());
        related.add(ro);
      }
      o.add("related", related);
      diagnostics.add(o);
    }
    JsonObject root = new JsonObject();
    root.add("diagnostics", diagnostics);
    JsonArray n = new JsonArray();
    notes.forEach(n::add);
    root.add("notes", n);
    out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root));
  }

  private static void addSpan(JsonObject o, Span s) {
    o.addProperty("line", s.line());
    o.addProperty("column", s.column());
    o.addProperty("endLine", s.endLine());
    o.addProperty("endColumn", s.endColumn());
  }
}
