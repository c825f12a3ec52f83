package dev.ormlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.rules.Catalogue;
import dev.ormlens.core.analysis.rules.Rule;
import dev.ormlens.core.analysis.rules.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The catalogue, the shipped rules and docs/rules.md describe the same codes. */
class CatalogueTest {
  @Test
  void everyShippedCodeIsCatalogued() {
    TreeSet<String> shipped = new TreeSet<>();
    shipped.add(Analysis.SYNTAX_CODE);
    Rules.all().stream().map(Rule::code).forEach(shipped::add);
    assertEquals(
        shipped, new TreeSet<>(Catalogue.all().stream().map(Catalogue.Entry::code).toList()));
  }

  @Test
  void docsHaveASectionWithABadAndAGoodExampleForEveryCode() throws IOException {
    Path docs = repo().resolve("docs/rules.md");
    String text = Files.readString(docs);
    List<String> missing = new ArrayList<>();
    for (Catalogue.Entry e : Catalogue.all()) {
      int at = text.indexOf("\n## " + e.code() + ": " + e.title() + "\n");
      int next = text.indexOf("\n## ", at + 1);
      String section = at < 0 ? "" : text.substring(at, next < 0 ? text.length() : next);
      if (!section.contains("Bad:") || !section.contains("Good:")) {
        missing.add(e.code());
      }
    }
    assertTrue(missing.isEmpty(), "docs/rules.md lacks a section with Bad:/Good: for " + missing);
  }

  @Test
  void everyHelpLinkLandsOnItsSection() throws IOException {
    String text = Files.readString(repo().resolve("docs/rules.md"));
    for (Catalogue.Entry e : Catalogue.all()) {
      String uri = e.helpUri();
      assertTrue(uri.startsWith(Catalogue.HOME_URI + "/blob/main/docs/rules.md#"), uri);
      String anchor = uri.substring(uri.indexOf('#') + 1);
      assertTrue(
          text.contains("<a id=\"" + anchor + "\"></a>\n\n## " + e.code() + ": "),
          "docs/rules.md has no anchor " + anchor + " on the section of " + e.code());
    }
  }

  static Path repo() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("docs")) && Files.exists(d.resolve("pom.xml"))) {
        return d;
      }
    }
    throw new AssertionError("no checkout above " + Path.of("").toAbsolutePath());
  }
}
