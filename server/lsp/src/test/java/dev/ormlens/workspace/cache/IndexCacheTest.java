package dev.ormlens.workspace.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ormlens.core.model.FileFacts;
import dev.ormlens.python.PythonFrontEnd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCacheTest {
  /** Files exercising every kind of fact: sealed targets, secondary forms, tables, registries. */
  private static final Map<String, String> FILES =
      Map.of(
          "shop/base.py",
          """
          from sqlalchemy import MetaData
          from sqlalchemy.orm import DeclarativeBase, registry

          reg = registry()
          metadata_obj = MetaData()

          class Base(DeclarativeBase):
              metadata = metadata_obj
          """,
          "shop/models.py",
          """
          # 日本語のコメント 🎉\r
          from typing import TYPE_CHECKING, Optional
          from sqlalchemy import Column, ForeignKey, Integer, Table
          from sqlalchemy.orm import Mapped, mapped_column, relationship  # ormlens: ignore[ORM101]
          from .base import Base, reg

          if TYPE_CHECKING:
              from .other import Other

          links = Table(
              "links", Base.metadata,
              Column("a_id", ForeignKey("parent.id"), primary_key=True),
              schema="s",
          )

          def resolve_child():
              from .child import Child
              return Child

          def from_clause(fn):
              return lambda: fn().__table__

          class Parent(Base):
              __tablename__ = "parent"
              id: Mapped[int] = mapped_column(primary_key=True)
              children: Mapped[list["Child"]] = relationship(back_populates="parent")
              lazy = relationship(lambda: Child, secondary=lambda: links)
              named = relationship(resolve_child, secondary="s.links", overlaps="x")
              called = relationship("Child", secondary=from_clause(resolve_child))
              opaque = relationship(make(), secondary=links.c, primaryjoin="Parent.id == 1")
              other: Mapped[Optional["Other"]] = relationship(viewonly=True, backref="ps")

          class Broken(Base:
              pass
          """);

  private static List<IndexCache.Entry> entries() {
    List<IndexCache.Entry> out = new ArrayList<>();
    FILES.forEach(
        (path, text) -> {
          FileFacts facts =
              PythonFrontEnd.extract(path, path.replace(".py", "").replace('/', '.'), text);
          out.add(new IndexCache.Entry(text.length(), 1234L, ContentHash.of(text), facts));
        });
    return out;
  }

  @Test
  void factsSurviveARoundTrip(@TempDir Path dir) {
    IndexCache cache = new IndexCache(dir.resolve(".ormlens-cache"), "v1");
    List<IndexCache.Entry> entries = entries();
    cache.save(entries);
    Map<String, IndexCache.Entry> loaded = cache.load();
    assertEquals(entries.size(), loaded.size());
    for (IndexCache.Entry e : entries) {
      IndexCache.Entry back = loaded.get(e.facts().path());
      assertEquals(e.size(), back.size());
      assertEquals(e.modified(), back.modified());
      assertEquals(e.contentHash(), back.contentHash());
      assertArrayEquals(e.facts().lines().lineStarts(), back.facts().lines().lineStarts());
      assertEquals(e.facts().lines().length(), back.facts().lines().length());
      assertEquals(withoutLines(e.facts()), withoutLines(back.facts()));
    }
    assertTrue(Files.exists(dir.resolve(".ormlens-cache/.gitignore")));
    assertTrue(entries.stream().anyMatch(e -> !e.facts().problems().isEmpty()), "a syntax error");
    assertTrue(entries.stream().anyMatch(e -> !e.facts().suppressions().isEmpty()), "suppression");
  }

  @Test
  void damagedOrForeignCachesReadAsEmpty(@TempDir Path dir) throws IOException {
    IndexCache cache = new IndexCache(dir, "v1");
    cache.save(entries());
    Path file = dir.resolve("index.bin");
    byte[] bytes = Files.readAllBytes(file);
    assertEquals(FILES.size(), cache.load().size());

    assertTrue(new IndexCache(dir, "v2").load().isEmpty(), "another version");

    byte[] flipped = bytes.clone();
    flipped[flipped.length - 7] ^= 0x55;
    Files.write(file, flipped);
    assertTrue(cache.load().isEmpty(), "checksum");

    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertTrue(cache.load().isEmpty(), "truncated");

    Files.writeString(file, "not a cache");
    assertTrue(cache.load().isEmpty(), "garbage");

    cache.save(entries());
    assertEquals(FILES.size(), cache.load().size(), "rebuilt");
  }

  @Test
  void theSchemaNamesEveryFactRecord() {
    String schema = FactsCodec.schema();
    for (String record :
        List.of("ClassFact(", "TargetExpr$Lambda(", "SecondaryExpr$Call(", "ImportFact(")) {
      assertTrue(schema.contains(record), record);
    }
  }

  @Test
  void theCacheCanBeTurnedOffOrMoved(@TempDir Path dir) {
    String before = System.getProperty(IndexCache.DIRECTORY_PROPERTY);
    try {
      System.setProperty(IndexCache.DIRECTORY_PROPERTY, "off");
      assertTrue(IndexCache.forWorkspace(dir, "v").isEmpty());
      System.setProperty(IndexCache.DIRECTORY_PROPERTY, dir.resolve("elsewhere").toString());
      assertTrue(
          IndexCache.forWorkspace(dir.resolve("ws"), "v")
              .orElseThrow()
              .directory()
              .startsWith(dir.resolve("elsewhere")));
    } finally {
      if (before == null) {
        System.clearProperty(IndexCache.DIRECTORY_PROPERTY);
      } else {
        System.setProperty(IndexCache.DIRECTORY_PROPERTY, before);
      }
    }
    assertEquals(
        dir.resolve(IndexCache.DEFAULT_DIRECTORY),
        IndexCache.forWorkspace(dir, "v").orElseThrow().directory());
  }

  private static List<Object> withoutLines(FileFacts f) {
    return List.of(
        f.path(),
        f.module(),
        f.packageInit(),
        f.contentHash(),
        f.imports(),
        f.definitions(),
        f.classes(),
        f.tables(),
        f.functions(),
        f.registries(),
        f.imperativeMappings(),
        f.annotationNames(),
        f.problems(),
        f.suppressions());
  }
}
