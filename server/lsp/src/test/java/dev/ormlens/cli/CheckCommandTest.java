package dev.ormlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ormlens check} run in-process on small workspaces written to disk. */
class CheckCommandTest {
  /** A shop with one typo in a target, a one-sided back_populates and a bad foreign key. */
  static final String SHOP =
      """
      #- shop/__init__.py
      from . import customer, order
      #- shop/base.py
      from sqlalchemy.orm import DeclarativeBase


      class Base(DeclarativeBase):
          pass
      #- shop/customer.py
      from typing import TYPE_CHECKING

      from sqlalchemy.orm import Mapped, mapped_column, relationship

      from .base import Base

      if TYPE_CHECKING:
          from .order import Order


      class Customer(Base):
          __tablename__ = "customer"

          id: Mapped[int] = mapped_column(primary_key=True)
          orders: Mapped[list["Order"]] = relationship()
      #- shop/order.py
      from typing import TYPE_CHECKING

      from sqlalchemy import ForeignKey
      from sqlalchemy.orm import Mapped, mapped_column, relationship

      from .base import Base

      if TYPE_CHECKING:
          from .customer import Customer


      class Order(Base):
          __tablename__ = "order"

          id: Mapped[int] = mapped_column(primary_key=True)
          customer_id: Mapped[int] = mapped_column("顧客😀", ForeignKey("custmer.id"))
          customer: Mapped["Customer"] = relationship("Custmer")
          buyer: Mapped["Customer"] = relationship(back_populates="orders")
      """;

  static final String CLEAN =
      """
      #- shop/__init__.py
      #- shop/models.py
      from sqlalchemy import ForeignKey
      from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


      class Base(DeclarativeBase):
          pass


      class Customer(Base):
          __tablename__ = "customer"

          id: Mapped[int] = mapped_column(primary_key=True)
          orders: Mapped[list["Order"]] = relationship(back_populates="customer")


      class Order(Base):
          __tablename__ = "order"

          id: Mapped[int] = mapped_column(primary_key=True)
          customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
          customer: Mapped["Customer"] = relationship(back_populates="orders")
      """;

  @TempDir Path tmp;

  @Test
  void textIsCompilerStyleWithPathsRelativeToTheCurrentDirectory() {
    Path ws = Cli.write(tmp.resolve("ws"), SHOP);
    Cli.Result r = Cli.run(ws, "check");
    assertEquals(1, r.exitCode(), r.toString());
    String orderLine = line(ws.resolve("shop/order.py"), "relationship(\"Custmer\")");
    assertTrue(
        r.out()
            .contains(
                "shop/order.py:"
                    + lineNumber(ws.resolve("shop/order.py"), "\"Custmer\"")
                    + ":"
                    + (orderLine.indexOf("\"Custmer\"") + 1)
                    + ": ORM101 [error] no mapped class named 'Custmer'"),
        r.toString());
    assertTrue(r.out().endsWith("problem(s), 2 error(s).\n"), r.toString());
    // From the parent directory the same finding carries the workspace folder in its path.
    Cli.Result fromParent = Cli.run(tmp, "check", "ws");
    assertTrue(fromParent.out().contains("ws/shop/order.py:"), fromParent.toString());
    // A workspace outside the current directory is shown with absolute paths.
    Path elsewhere = tmp.resolve("elsewhere");
    Cli.Result outside = Cli.run(mkdirs(elsewhere), "check", ws.toString());
    assertTrue(outside.out().contains(ws.resolve("shop/order.py") + ":"), outside.toString());
  }

  @Test
  void relatedLocationsFollowTheFinding() {
    Path ws = Cli.write(tmp, SHOP);
    Cli.Result r = Cli.run(ws, "check", "--select", "ORM104");
    int column = line(ws.resolve("shop/order.py"), "buyer").indexOf("\"orders\"") + 1;
    assertEquals(
        List.of(
            "shop/order.py:"
                + lineNumber(ws.resolve("shop/order.py"), "buyer")
                + ":"
                + column
                + ": ORM104 [warning] one-sided back_populates: 'Customer.orders' has"
                + " no back_populates=\"buyer\".",
            "    shop/customer.py:"
                + lineNumber(ws.resolve("shop/customer.py"), "orders:")
                + ":5: note: the other side"),
        r.out().lines().map(l -> l.replaceFirst(" SQLAlchemy accepts.*", "")).limit(2).toList(),
        r.toString());
    assertEquals(0, r.exitCode(), "a warning alone is not an error: " + r);
  }

  @Test
  void cleanWorkspaceSaysSoAndExitsZero() {
    Path ws = Cli.write(tmp, CLEAN);
    Cli.Result r = Cli.run(ws, "check");
    assertEquals(new Cli.Result(0, "No problems found.\n", ""), r);
  }

  @Test
  void jsonKeepsTheContractWithOneBasedUtf16Columns() throws IOException {
    Path ws = Cli.write(tmp, SHOP);
    Cli.Result r = Cli.run(ws, "check", "--format", "json");
    assertEquals(1, r.exitCode(), r.toString());
    JsonObject root = JsonParser.parseString(r.out()).getAsJsonObject();
    JsonArray diagnostics = root.getAsJsonArray("diagnostics");
    JsonObject fk = find(diagnostics, "ORM105");
    Path order = ws.resolve("shop/order.py");
    String line = line(order, "custmer.id");
    assertEquals("shop/order.py", fk.get("path").getAsString());
    assertEquals("error", fk.get("severity").getAsString());
    assertEquals(lineNumber(order, "custmer.id"), fk.get("line").getAsInt());
    // Java strings count UTF-16 code units, as the JSON contract does: the emoji counts two.
    assertEquals(line.indexOf("\"custmer.id\"") + 1, fk.get("column").getAsInt());
    assertEquals(line.indexOf("\"custmer.id\"") + 13, fk.get("endColumn").getAsInt());
    JsonObject related =
        find(diagnostics, "ORM104").getAsJsonArray("related").get(0).getAsJsonObject();
    assertEquals("shop/customer.py", related.get("path").getAsString());
    assertEquals(
        lineNumber(ws.resolve("shop/customer.py"), "orders:"), related.get("line").getAsInt());
    assertEquals(5, related.get("column").getAsInt());
    assertEquals("the other side", related.get("message").getAsString());
    assertEquals(0, root.getAsJsonArray("notes").size());
  }

  @Test
  void selectAndIgnoreTakeCodesAndPrefixes() {
    Path ws = Cli.write(tmp, SHOP);
    assertEquals(List.of("ORM105", "ORM101", "ORM104"), codes(Cli.run(ws, "check")));
    assertEquals(List.of("ORM105"), codes(Cli.run(ws, "check", "--select", "orm105")));
    assertEquals(List.of("ORM101", "ORM104"), codes(Cli.run(ws, "check", "--ignore", "ORM105")));
    assertEquals(
        List.of("ORM104"),
        codes(Cli.run(ws, "check", "--select", "ORM10", "--ignore", "ORM101,ORM105")));
    assertEquals(
        List.of("ORM101"), codes(Cli.run(ws, "check", "--select", "ORM101", "--ignore", "ORM1")));
    Cli.Result onlyWarnings = Cli.run(ws, "check", "--select", "ORM104");
    assertEquals(0, onlyWarnings.exitCode(), onlyWarnings.toString());
  }

  @Test
  void unknownCodeIsAUsageErrorOnOneLine() {
    Path ws = Cli.write(tmp, SHOP);
    Cli.Result r = Cli.run(ws, "check", "--select", "ORM9");
    assertEquals(2, r.exitCode());
    assertEquals("", r.out());
    assertEquals(1, r.err().lines().count(), r.toString());
    assertTrue(r.err().startsWith("ormlens: --select: unknown code or prefix 'ORM9'"), r.err());
    Cli.Result badFormat = Cli.run(ws, "check", "--format", "xml");
    assertEquals(2, badFormat.exitCode());
    assertTrue(badFormat.err().contains("--format"), badFormat.err());
  }

  @Test
  void suppressionCommentsSilenceTheirLineOnly() throws IOException {
    Path ws = Cli.write(tmp, SHOP);
    Path order = ws.resolve("shop/order.py");
    String text = Files.readString(order);
    Files.writeString(
        order,
        text.replace(
                "relationship(\"Custmer\")", "relationship(\"Custmer\")  # ormlens: ignore[ORM101]")
            .replace(
                "ForeignKey(\"custmer.id\"))",
                "ForeignKey(\"custmer.id\"))  # ormlens: ignore[ORM101]"));
    assertEquals(List.of("ORM105", "ORM104"), codes(Cli.run(ws, "check")));
    Files.writeString(
        order,
        text.replace("back_populates=\"orders\")", "back_populates=\"orders\")  # ormlens: ignore")
            .replace(
                "ForeignKey(\"custmer.id\"))",
                "ForeignKey(\"custmer.id\"))  # ormlens: ignore[orm104, ORM105]"));
    assertEquals(List.of("ORM101"), codes(Cli.run(ws, "check")));
  }

  @Test
  void pyprojectSettingsApplyAndTheCommandLineGoesOnTop() throws IOException {
    Path ws = Cli.write(tmp, SHOP);
    Files.writeString(
        ws.resolve("pyproject.toml"),
        """
        [project]
        name = "shop"

        [tool.ormlens]
        ignore = ["ORM105"]
        severity = { ORM104 = "error" }
        """);
    Cli.Result r = Cli.run(ws, "check", "--select", "ORM104");
    assertTrue(r.out().contains("ORM104 [error]"), r.toString());
    assertEquals(1, r.exitCode());
    assertEquals(List.of("ORM101", "ORM104"), codes(Cli.run(ws, "check")));
    assertEquals(List.of("ORM104"), codes(Cli.run(ws, "check", "--ignore", "ORM101")));
  }

  @Test
  void invalidSettingsNameTheFileTheKeyAndTheProblem() throws IOException {
    Path ws = Cli.write(tmp, SHOP);
    Path pyproject = ws.resolve("pyproject.toml");
    String[][] cases = {
      {
        "[tool.ormlens]\nselect = 3\n", "[tool.ormlens] select: expected a list of strings, found 3"
      },
      {
        "[tool.ormlens]\nseverity = { ORM104 = \"fatal\" }\n",
        "severity.ORM104: unknown severity 'fatal'"
      },
      {"[tool.ormlens]\nseverity = { ORM999 = \"error\" }\n", "severity.ORM999: unknown code"},
      {
        "[tool.ormlens]\nignore = [\"XYZ\"]\n",
        "[tool.ormlens] ignore: unknown code or prefix 'XYZ'"
      },
      {"[tool.ormlens]\nroot = [\"src\"]\n", "[tool.ormlens] root: unknown key (known: roots, "},
      {"[tool.ormlens]\nresolver-module = 1\n", "resolver-module: expected a module name, found 1"},
      {"[tool.ormlens\n", "pyproject.toml:1:"},
    };
    for (String[] c : cases) {
      Files.writeString(pyproject, c[0]);
      Cli.Result r = Cli.run(ws, "check");
      assertEquals(2, r.exitCode(), r.toString());
      assertEquals(1, r.err().lines().count(), r.toString());
      assertTrue(r.err().startsWith("ormlens: " + pyproject), r.toString());
      assertTrue(r.err().contains(c[1]), c[1] + " in " + r.err());
    }
  }

  @Test
  void quietStatisticsAndExitZero() {
    Path ws = Cli.write(tmp, SHOP);
    Cli.Result quiet = Cli.run(ws, "check", "-q");
    assertEquals(3, quiet.out().lines().count(), quiet.toString());
    Cli.Result stats = Cli.run(ws, "check", "-q", "--statistics");
    assertTrue(stats.out().contains("    1  ORM101  Unknown relationship target\n"), stats.out());
    Cli.Result zero = Cli.run(ws, "check", "--exit-zero");
    assertEquals(0, zero.exitCode());
    assertFalse(zero.out().isEmpty());
  }

  @Test
  void timingsGoToStderrAndLeaveTheReportAlone() {
    Path ws = Cli.write(tmp, SHOP);
    Cli.Result plain = Cli.run(ws, "check", "-q");
    Cli.Result timed = Cli.run(ws, "check", "-q", "--timings");
    assertEquals(plain.out(), timed.out());
    assertEquals(plain.exitCode(), timed.exitCode());
    assertTrue(
        timed
            .err()
            .matches(
                "(?s)ormlens: timings: \\.: \\d+ files; find \\d+ ms, read \\d+ ms,"
                    + " analyse \\d+ ms\n"),
        timed.toString());
  }

  @Test
  void githubFormatWritesWorkflowCommands() {
    Path ws = Cli.write(tmp, SHOP);
    Cli.Result r = Cli.run(ws, "check", "--format", "github", "--select", "ORM101");
    int line = lineNumber(ws.resolve("shop/order.py"), "Custmer");
    assertTrue(
        r.out().startsWith("::error file=shop/order.py,line=" + line + ",col="), r.toString());
    assertTrue(r.out().contains(",title=ORM101::ORM101 no mapped class named 'Custmer'"), r.out());
  }

  @Test
  void aFileIsCheckedAgainstItsWholeProject() {
    Path ws = Cli.write(tmp, CLEAN);
    Cli.write(
        ws,
        """
        #- shop/extra.py
        from sqlalchemy.orm import Mapped, mapped_column, relationship

        from .models import Base, Customer


        class Note(Base):
            __tablename__ = "note"

            id: Mapped[int] = mapped_column(primary_key=True)
            customer: Mapped["Customer"] = relationship("Customer")
        """);
    Cli.Result r = Cli.run(ws, "check", "shop/extra.py");
    assertEquals(new Cli.Result(0, "No problems found.\n", ""), r);
  }

  @Test
  void helpListsTheFormatsAndExitCodes() {
    Cli.Result r = Cli.run(tmp, "check", "--help");
    assertEquals(0, r.exitCode());
    assertTrue(r.out().contains("sarif"), r.out());
    assertTrue(r.out().contains("2 usage or I/O error"), r.out());
  }

  static List<String> codes(Cli.Result r) {
    return r.out()
        .lines()
        .filter(l -> l.matches("^[^ ].*:\\d+:\\d+: ORM\\d+ .*"))
        .map(l -> l.replaceFirst("^.*?:\\d+:\\d+: (ORM\\d+) .*$", "$1"))
        .toList();
  }

  static JsonObject find(JsonArray diagnostics, String code) {
    for (var d : diagnostics) {
      if (d.getAsJsonObject().get("code").getAsString().equals(code)) {
        return d.getAsJsonObject();
      }
    }
    throw new AssertionError("no " + code + " in " + diagnostics);
  }

  static String line(Path file, String containing) {
    try {
      return Files.readAllLines(file).stream()
          .filter(l -> l.contains(containing))
          .findFirst()
          .orElseThrow();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static int lineNumber(Path file, String containing) {
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(containing)) {
          return i + 1;
        }
      }
      throw new AssertionError(containing + " not in " + file);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static Path mkdirs(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
