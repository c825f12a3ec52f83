package dev.ormlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.ormlens.testkit.Fixture;
import dev.ormlens.testkit.SqlalchemyOracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The article end to end: its naive split (mutual module-level imports, string secondary, the
 * association mapped twice) through {@code ormlens fix}, then real Python on the result.
 */
class ArticleEndToEndTest {
  /** The article's naive package, as examples/naive_split has it. */
  static final String NAIVE_SPLIT =
      """
      #- shop/__init__.py
      # naive_split: the package itself imports nothing.
      #- shop/base.py
      from sqlalchemy.orm import DeclarativeBase


      class Base(DeclarativeBase):
          pass
      #- shop/parent.py
      # 親モデル: 型注釈のために他のモデルを実行時に import している 🔁
      from sqlalchemy.orm import Mapped
      from sqlalchemy.orm import mapped_column
      from sqlalchemy.orm import relationship

      from .base import Base
      from .child import Child
      from .association import Association


      class Parent(Base):
          __tablename__ = "left_table"

          id: Mapped[int] = mapped_column(primary_key=True)
          children: Mapped[list["Child"]] = relationship(
              secondary="association_table", back_populates="parents"
          )
          child_associations: Mapped[list["Association"]] = relationship(
              back_populates="parent"
          )
      #- shop/child.py
      from .base import Base
      from sqlalchemy.orm import Mapped
      from sqlalchemy.orm import mapped_column
      from sqlalchemy.orm import relationship

      from .association import Association
      from .parent import Parent


      class Child(Base):
          __tablename__ = "right_table"

          id: Mapped[int] = mapped_column(primary_key=True)
          parents: Mapped[list["Parent"]] = relationship(
              secondary="association_table", back_populates="children"
          )
          parent_associations: Mapped[list["Association"]] = relationship(
              back_populates="child"
          )
      #- shop/association.py
      # 中間テーブル (association_table) 🔗
      from typing import Optional

      from .base import Base
      from sqlalchemy.schema import ForeignKey
      from sqlalchemy.orm import Mapped
      from sqlalchemy.orm import mapped_column
      from sqlalchemy.orm import relationship

      from .child import Child
      from .parent import Parent


      class Association(Base):
          __tablename__ = "association_table"

          left_id: Mapped[int] = mapped_column(ForeignKey("left_table.id"), primary_key=True)
          right_id: Mapped[int] = mapped_column(
              ForeignKey("right_table.id"), primary_key=True
          )
          extra_data: Mapped[Optional[str]]
          child: Mapped["Child"] = relationship(back_populates="parent_associations")
          parent: Mapped["Parent"] = relationship(back_populates="child_associations")
      """;

  /**
   * The fixes the article needs. ORM201, ORM202 and ORM301 come from rules on other branches;
   * selecting the fixes by id applies them whether or not those rules are enabled.
   */
  static final String SELECT =
      "convert-to-lazy-resolver,move-imports-under-type-checking,import-model-modules,add-overlaps";

  @Test
  void naiveSplitBecomesWorkingTypedLazyResolvers(@TempDir Path root) throws Exception {
    assumeTrue(SqlalchemyOracle.available(), "SQLAlchemy venvs not installed");
    write(root, Fixture.parse(NAIVE_SPLIT));
    Fixture broken = read(root);
    SqlalchemyOracle.assertFailsWith(entry(broken, "shop.parent"), "ImportError|circular");

    assertEquals(0, Main.run("fix", "--unsafe", "--select", SELECT, root.toString()));
    Map<String, String> once = texts(root);
    assertEquals(0, Main.run("fix", "--unsafe", "--select", SELECT, root.toString()));
    assertEquals(once, texts(root), "a second ormlens fix changes nothing");

    Fixture fixed = entry(read(root), "shop.parent");
    // Only the parent module is imported; SQLAlchemy configures, creates the tables, saves a
    // parent with a child through the many-to-many, reads it back, and warns nothing.
    SqlalchemyOracle.assertClean(fixed);
    for (JsonObject o : SqlalchemyOracle.outcomes(fixed)) {
      assertTrue(o.getAsJsonArray("roundtrip_failures").isEmpty(), o.toString());
      assertTrue(o.getAsJsonArray("relationships").toString().contains("Parent.children"));
    }
    for (Path python : SqlalchemyOracle.pythons()) {
      String mypy = run(root, python.toString(), "-m", "mypy", "--strict", "shop");
      assertTrue(mypy.contains("Success: no issues found"), mypy);
    }
  }

  static Fixture entry(Fixture f, String module) {
    return new Fixture(f.files(), null, List.of(), List.of(module));
  }

  static void write(Path root, Fixture fixture) throws IOException {
    for (Fixture.File f : fixture.files()) {
      Path p = root.resolve(f.path());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.text(), StandardCharsets.UTF_8);
    }
  }

  static Map<String, String> texts(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(p -> p.toString().endsWith(".py")).toList()) {
        out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
      }
    }
    return out;
  }

  static Fixture read(Path root) throws IOException {
    List<Fixture.File> files =
        texts(root).entrySet().stream()
            .map(e -> new Fixture.File(e.getKey(), e.getValue()))
            .toList();
    return new Fixture(files, null, List.of(), List.of());
  }

  static String run(Path dir, String... command) throws Exception {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
    return out;
  }

  static JsonObject json(String s) {
    return JsonParser.parseString(s).getAsJsonObject();
  }
}
