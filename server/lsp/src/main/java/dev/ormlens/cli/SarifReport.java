package dev.ormlens.cli;

import com.google.gson.GsonBuilder;
import dev.ormlens.core.analysis.Severity;
import dev.ormlens.core.analysis.rules.Catalogue;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --format sarif}: one SARIF 2.1.0 log, as code-scanning services take it. Every shipped
 * code is a rule with its description and help link from the {@link Catalogue}; paths under the
 * current directory are relative URIs against {@code %SRCROOT%}; columns count UTF-16 code units.
 * Written with gson records rather than a SARIF object-model library: those on Maven Central
 * (java-sarif) bring Jackson for the few dozen fields used here. A test validates the output
 * against the official schema.
 */
final class SarifReport {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String SRCROOT = "%SRCROOT%";

  private SarifReport() {}

  static void write(List<Finding> findings, List<String> notes, Path cwd, PrintWriter out) {
    List<Rule> rules = new ArrayList<>();
    for (Catalogue.Entry e : Catalogue.all()) {
      rules.add(
          new Rule(
              e.code(),
              name(e.title()),
              new Text(e.title()),
              new Text(e.description()),
              e.helpUri(),
              new Configuration(level(e.defaultSeverity()))));
    }
    List<Result> results = new ArrayList<>();
    for (Finding f : findings) {
      int index = indexOf(f.code());
      List<RelatedLocation> related = new ArrayList<>();
      for (Finding.Related r : f.related()) {
        related.add(
            new RelatedLocation(
                related.size() + 1, physical(r.path(), r.span()), new Text(r.message())));
      }
      results.add(
          new Result(
              f.code(),
              index < 0 ? null : index,
              level(f.severity()),
              new Text(f.message()),
              List.of(new Location(physical(f.path(), f.span()))),
              related.isEmpty() ? null : related));
    }
    List<Notification> notifications =
        notes.stream().map(n -> new Notification(new Text(n), "warning")).toList();
    Run run =
        new Run(
            new Tool(
                new Driver(
                    "ORM Lens", Version.VERSION, Version.VERSION, Catalogue.HOME_URI, rules)),
            Map.of(SRCROOT, new ArtifactLocation(directoryUri(cwd), null)),
            List.of(new Invocation(true, notifications.isEmpty() ? null : notifications)),
            "utf16CodeUnits",
            results);
    out.println(
        new GsonBuilder()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .create()
            .toJson(new Log(SCHEMA, "2.1.0", List.of(run))));
  }

  record Log(String $schema, String version, List<Run> runs) {}

  record Run(
      Tool tool,
      Map<String, ArtifactLocation> originalUriBaseIds,
      List<Invocation> invocations,
      String columnKind,
      List<Result> results) {}

  record Tool(Driver driver) {}

  record Driver(
      String name,
      String version,
      String semanticVersion,
      String informationUri,
      List<Rule> rules) {}

  record Rule(
      String id,
      String name,
      Text shortDescription,
      Text fullDescription,
      String helpUri,
      Configuration defaultConfiguration) {}

  record Configuration(String level) {}

  record Text(String text) {}

  record Invocation(boolean executionSuccessful, List<Notification> toolExecutionNotifications) {}

  record Notification(Text message, String level) {}

  record Result(
      String ruleId,
      Integer ruleIndex,
      String level,
      Text message,
      List<Location> locations,
      List<RelatedLocation> relatedLocations) {}

  record Location(PhysicalLocation physicalLocation) {}

  record RelatedLocation(int id, PhysicalLocation physicalLocation, Text message) {}

  record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {}

  record ArtifactLocation(String uri, String uriBaseId) {}

  record Region(int startLine, int startColumn, int endLine, int endColumn) {}

  private static PhysicalLocation physical(String path, Span s) {
    Region region = new Region(s.line(), s.column(), s.endLine(), s.endColumn());
    Path p = Path.of(path);
    ArtifactLocation artifact =
        p.isAbsolute()
            ? new ArtifactLocation(p.toUri().toASCIIString(), null)
            : new ArtifactLocation(relativeUri(path), SRCROOT);
    return new PhysicalLocation(artifact, region);
  }

  private static String relativeUri(String path) {
    try {
      return new URI(null, null, path.replace('\\', '/'), null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(path, e);
    }
  }

  private static String directoryUri(Path dir) {
    String uri = dir.toUri().toASCIIString();
    return uri.endsWith("/") ? uri : uri + "/";
  }

  private static int indexOf(String code) {
    List<Catalogue.Entry> all = Catalogue.all();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).code().equals(code)) {
        return i;
      }
    }
    return -1;
  }

  /** SARIF levels: error, warning, note (information and hints alike). */
  private static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      default -> "note";
    };
  }

  /**
   * A rule's name in SARIF's PascalCase: "Unknown relationship target" is
   * UnknownRelationshipTarget.
   */
  private static String name(String title) {
    StringBuilder b = new StringBuilder();
    for (String w : title.split("[^A-Za-z0-9]+")) {
      if (!w.isEmpty()) {
        b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
      }
    }
    return b.toString();
  }
}
