package dev.ormlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ormlens.core.analysis.rules.Catalogue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format sarif} is a valid SARIF 2.1.0 log that code-scanning services accept. */
class SarifOutputTest {
  private static JsonSchema schema;

  @TempDir Path tmp;

  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in =
        SarifOutputTest.class.getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
  }

  @Test
  void outputValidatesAgainstTheSarifSchema() throws IOException {
    Path ws = Cli.write(tmp.resolve("my ws"), CheckCommandTest.SHOP);
    Files.write(ws.resolve("shop/blob.py"), new byte[] {0, 1});
    Cli.Result r = Cli.run(tmp, "check", "--format", "sarif", "my ws");
    assertEquals(1, r.exitCode(), r.toString());
    JsonNode log = new ObjectMapper().readTree(r.out());
    assertEquals(Set.of(), schema.validate(log));
    // The schema is not vacuous here: a log without its version is rejected.
    ObjectNode broken = log.deepCopy();
    broken.remove("version");
    Set<ValidationMessage> errors = schema.validate(broken);
    assertFalse(errors.isEmpty());
  }

  @Test
  void resultsCarryRuleLevelRelativeLocationAndRelatedLocations() throws IOException {
    Path ws = Cli.write(tmp.resolve("my ws"), CheckCommandTest.SHOP);
    Cli.Result r = Cli.run(tmp, "check", "--format", "sarif");
    JsonObject run =
        JsonParser.parseString(r.out())
            .getAsJsonObject()
            .getAsJsonArray("runs")
            .get(0)
            .getAsJsonObject();
    assertEquals("utf16CodeUnits", run.get("columnKind").getAsString());
    assertEquals(
        tmp.toUri().toString(),
        run.getAsJsonObject("originalUriBaseIds")
            .getAsJsonObject("%SRCROOT%")
            .get("uri")
            .getAsString());
    JsonObject driver = run.getAsJsonObject("tool").getAsJsonObject("driver");
    assertEquals("ORM Lens", driver.get("name").getAsString());
    List<String> ruleIds =
        StreamSupport.stream(driver.getAsJsonArray("rules").spliterator(), false)
            .map(e -> e.getAsJsonObject().get("id").getAsString())
            .toList();
    assertEquals(Catalogue.all().stream().map(Catalogue.Entry::code).toList(), ruleIds);
    JsonObject rule =
        driver.getAsJsonArray("rules").get(ruleIds.indexOf("ORM104")).getAsJsonObject();
    assertEquals(
        "warning", rule.getAsJsonObject("defaultConfiguration").get("level").getAsString());
    assertEquals(
        Catalogue.HOME_URI + "/blob/main/docs/rules.md#orm104", rule.get("helpUri").getAsString());

    JsonObject result = result(run.getAsJsonArray("results"), "ORM104");
    assertEquals("warning", result.get("level").getAsString());
    assertEquals(ruleIds.indexOf("ORM104"), result.get("ruleIndex").getAsInt());
    JsonObject location =
        result
            .getAsJsonArray("locations")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("physicalLocation");
    assertEquals(
        "my%20ws/shop/order.py",
        location.getAsJsonObject("artifactLocation").get("uri").getAsString());
    assertEquals(
        "%SRCROOT%", location.getAsJsonObject("artifactLocation").get("uriBaseId").getAsString());
    JsonObject region = location.getAsJsonObject("region");
    String line = CheckCommandTest.line(ws.resolve("shop/order.py"), "buyer");
    assertEquals(
        CheckCommandTest.lineNumber(ws.resolve("shop/order.py"), "buyer"),
        region.get("startLine").getAsInt());
    assertEquals(line.indexOf("\"orders\"") + 1, region.get("startColumn").getAsInt());
    assertEquals(line.indexOf("\"orders\"") + 9, region.get("endColumn").getAsInt());
    JsonObject related = result.getAsJsonArray("relatedLocations").get(0).getAsJsonObject();
    assertEquals("the other side", related.getAsJsonObject("message").get("text").getAsString());
    assertEquals(
        "my%20ws/shop/customer.py",
        related
            .getAsJsonObject("physicalLocation")
            .getAsJsonObject("artifactLocation")
            .get("uri")
            .getAsString());
  }

  @Test
  void aCleanRunIsAnEmptyValidLog() throws IOException {
    Path ws = Cli.write(tmp, CheckCommandTest.CLEAN);
    Cli.Result r = Cli.run(ws, "check", "--format", "sarif");
    assertEquals(0, r.exitCode());
    JsonNode log = new ObjectMapper().readTree(r.out());
    assertEquals(Set.of(), schema.validate(log));
    assertEquals(0, log.get("runs").get(0).get("results").size());
  }

  private static JsonObject result(JsonArray results, String code) {
    for (var e : results) {
      if (e.getAsJsonObject().get("ruleId").getAsString().equals(code)) {
        return e.getAsJsonObject();
      }
    }
    throw new AssertionError("no " + code + " in " + results);
  }
}
