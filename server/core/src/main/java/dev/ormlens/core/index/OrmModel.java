package dev.ormlens.core.index;

import dev.ormlens.core.model.ClassFact;
import dev.ormlens.core.model.ColumnFact;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.RelationshipFact;
import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ORM as SQLAlchemy would build it from the workspace: registries (each with its class registry
 * and its {@code MetaData}), mapped classes with their tables, columns and relationships (mixins,
 * abstract bases and mapped superclasses included), and tables per metadata. Built from facts
 * alone, once per snapshot.
 */
public final class OrmModel {
  /** A class registry and the metadata its string lookups see. */
  public record Registry(String id, String metadataId, FileFacts file, TextRange range) {}

  /**
   * A relationship as it appears on a mapped class, with the file it is written in.
   *
   * <p>Equality names the owner instead of comparing it: the owner lists its relationships, so
   * comparing records that point at each other would recurse without end.
   */
  public record RelationshipSite(FileFacts file, RelationshipFact fact, MappedClass owner) {
    @Override
    public boolean equals(Object o) {
      return o instanceof RelationshipSite r
          && file.path().equals(r.file.path())
          && fact.equals(r.fact)
          && owner.qualifiedName().equals(r.owner.qualifiedName());
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(file.path(), fact.attribute(), owner.qualifiedName());
    }
  }

  /** A column as it appears on a mapped class or table, with the file it is written in. */
  public record ColumnSite(FileFacts file, ColumnFact fact) {}

  /**
   * A mapped class.
   *
   * @param tableKey the key of the table it maps to ({@code schema.name} or {@code name}), or null
   *     when computed at run time or absent
   * @param superclass the mapped class it inherits from, or null
   * @param complete false when some of its attributes come from code we cannot see (an external
   *     base class, a dynamic {@code __tablename__}): absence checks are then not reported
   */
  public record MappedClass(
      String qualifiedName,
      FileFacts file,
      ClassFact fact,
      String registryId,
      String tableKey,
      String superclass,
      List<RelationshipSite> relationships,
      List<ColumnSite> columns,
      List<String> attributeNames,
      boolean complete) {
    public String name() {
      return fact.name();
    }

    public String module() {
      return file.module();
    }

    /**
     * Equal when they are the same class read from the same facts; relationships and columns are
     * derived from those facts and are not compared (they point back at this class).
     */
    @Override
    public boolean equals(Object o) {
      return o instanceof MappedClass c
          && qualifiedName.equals(c.qualifiedName)
          && file.path().equals(c.file.path())
          && file.contentHash() == c.file.contentHash()
          && fact.equals(c.fact)
          && registryId.equals(c.registryId)
          && java.util.Objects.equals(tableKey, c.tableKey)
          && java.util.Objects.equals(superclass, c.superclass)
          && complete == c.complete;
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(qualifiedName, registryId, tableKey);
    }

    @Override
    public String toString() {
      return "MappedClass[" + qualifiedName + " in " + registryId + ", table " + tableKey + "]";
    }
  }

  /** A table in one metadata: a {@code Table(...)} or a mapped class's table. */
  public record MappedTable(
      String key,
      String name,
      String metadataId,
      FileFacts file,
      TextRange nameRange,
      List<ColumnSite> columns,
      String mappedClass,
      boolean complete,
      boolean extendExisting) {}

  /**
   * Registries of classes on a base from a package outside the workspace: they hold classes and
   * tables we cannot see, so no lookup in them is ever taken as failed.
   */
  public static final String OPEN_REGISTRY_PREFIX = "?open:";

  /** A base from outside the workspace that cannot make a class mapped (typing, enum, ...). */
  public static boolean isHarmlessExternal(String qualified) {
    return qualified.startsWith("typing.")
        || qualified.equals("object")
        || qualified.startsWith("enum.")
        || qualified.startsWith("abc.")
        || qualified.startsWith("sqlalchemy.orm.MappedAsDataclass")
        || qualified.startsWith("dataclasses.");
  }

  /**
   * Whether a registry is SQLModel's: its {@code Relationship()} takes SQLAlchemy's other arguments
   * only through {@code sa_relationship_kwargs}, so fixes must not add them as keywords.
   */
  public static boolean isSqlModel(String registryId) {
    return "sqlmodel.SQLModel".equals(registryId);
  }

  public static boolean isOpen(String registryOrMetadataId) {
    return registryOrMetadataId != null && registryOrMetadataId.startsWith(OPEN_REGISTRY_PREFIX);
  }

  /** The metadata id of tables whose metadata we cannot tell: they match every lookup. */
  public static final String UNKNOWN_METADATA = "?";

  private final Map<String, Registry> registries;
  private final Map<String, MappedClass> classes;
  private final Map<String, Map<String, List<MappedClass>>> classesByName;
  private final Map<String, Map<String, List<MappedTable>>> tablesByMetadata;
  private final Map<String, String> registryAliases;
  private final Map<String, MappedTable> tablesByLocation = new HashMap<>();
  private final Map<String, List<MappedTable>> tablesByFile = new HashMap<>();
  private final OrmModelBuilder.Classified classified;
  private volatile long shape;
  private final java.util.Set<String> metadataWithUnnamedTables = new java.util.HashSet<>();

  OrmModel(
      Map<String, Registry> registries,
      Map<String, MappedClass> classes,
      Map<String, Map<String, List<MappedClass>>> classesByName,
      Map<String, Map<String, List<MappedTable>>> tablesByMetadata,
      Map<String, String> registryAliases,
      OrmModelBuilder.Classified classified) {
    this.classified = classified;
    this.registries = registries;
    this.classes = classes;
    this.classesByName = classesByName;
    this.tablesByMetadata = tablesByMetadata;
    this.registryAliases = registryAliases;
    for (Map<String, List<MappedTable>> byKey : tablesByMetadata.values()) {
      for (List<MappedTable> list : byKey.values()) {
        for (MappedTable t : list) {
          tablesByLocation.put(t.file().path() + ":" + t.nameRange().start(), t);
          tablesByFile.computeIfAbsent(t.file().path(), k -> new ArrayList<>()).add(t);
        }
      }
    }
    for (MappedClass c : classes.values()) {
      // A literal __tablename__ with a computed __table_args__ may still live in another schema.
      if (c.tableKey() == null && c.superclass() == null || c.fact().dynamicTableName()) {
        metadataWithUnnamedTables.add(metadataOf(c.registryId()));
      }
    }
  }

  /**
   * Whether some class of this metadata maps a table whose name we cannot read (computed by
   * {@code @declared_attr}, or a schema from an expression): then a table missing from our view may
   * exist at run time.
   */
  public boolean hasUnnamedTables(String metadataId) {
    return metadataWithUnnamedTables.contains(metadataId) || isOpen(metadataId);
  }

  /** The table whose name literal starts at this offset of this file, if any. */
  public Optional<MappedTable> tableAt(String path, int nameStart) {
    return Optional.ofNullable(tablesByLocation.get(path + ":" + nameStart));
  }

  /** The tables whose name is written in this file, in every metadata. */
  public List<MappedTable> tablesIn(String path) {
    return tablesByFile.getOrDefault(path, List.of());
  }

  static OrmModel build(WorkspaceIndex index) {
    return new OrmModelBuilder(index).build();
  }

  /**
   * The files a mapped class is read from: its own, those of its mixins and unmapped bases, its
   * superclasses', and every file its classification's name lookups went through. A class whose
   * files did not change is the same class in the next snapshot.
   */
  public Set<String> pathsOf(MappedClass mapped) {
    Set<String> out = new HashSet<>();
    for (MappedClass c = mapped;
        c != null && out.add(c.file().path());
        c = c.superclass() == null ? null : classes.get(c.superclass())) {
      c.relationships().forEach(r -> out.add(r.file().path()));
      c.columns().forEach(col -> out.add(col.file().path()));
      if (classified != null) {
        out.addAll(classified.pathsOf(c.qualifiedName()));
      }
    }
    return out;
  }

  /**
   * A fingerprint of what name lookups and workspace-wide checks see: registries and their
   * metadata, class names per registry, table keys per metadata and where each table is, and the
   * relationships that declare a {@code backref}. Two models of one fingerprint give every failed
   * or ambiguous lookup the same answer.
   */
  public long shape() {
    long s = shape;
    if (s == 0) {
      // A sum of one mixed hash per entry: independent of map order, so nothing is sorted, and no
      // text of the whole model is built (this runs on every snapshot, 10,000 classes and more).
      for (Map.Entry<String, Registry> e : registries.entrySet()) {
        s += entry("registry", e.getKey(), e.getValue().metadataId());
      }
      for (Map.Entry<String, String> e : registryAliases.entrySet()) {
        s += entry("alias", e.getKey(), e.getValue());
      }
      for (Map.Entry<String, Map<String, List<MappedClass>>> r : classesByName.entrySet()) {
        for (Map.Entry<String, List<MappedClass>> e : r.getValue().entrySet()) {
          long names = 1;
          for (MappedClass c : e.getValue()) {
            names = names * 31 + c.qualifiedName().hashCode();
          }
          s += entry("class", r.getKey(), e.getKey(), names);
        }
      }
      for (Map.Entry<String, Map<String, List<MappedTable>>> m : tablesByMetadata.entrySet()) {
        for (Map.Entry<String, List<MappedTable>> e : m.getValue().entrySet()) {
          long where = 1;
          for (MappedTable t : e.getValue()) {
            where = where * 31 + t.file().path().hashCode();
            where = where * 31 + java.util.Objects.hashCode(t.mappedClass());
          }
          s += entry("table", m.getKey(), e.getKey(), where);
        }
      }
      for (MappedClass c : classes.values()) {
        // Which files write relationships of which class (mixins included).
        long writers = 1;
        String last = null;
        for (RelationshipSite r : c.relationships()) {
          String path = r.file().path();
          if (!path.equals(last) && (last == null || !writtenBefore(c, r, path))) {
            writers = writers * 31 + path.hashCode();
          }
          last = path;
          if (r.fact().backref() != null) {
            s +=
                entry(
                    "backref", c.qualifiedName(), r.fact().attribute(), r.fact().backref().value());
          }
        }
        s += entry("writers", c.qualifiedName(), writers);
      }
      s |= 1;
      shape = s;
    }
    return s;
  }

  /** Whether a relationship of {@code c} before {@code r} is written in {@code path}. */
  private static boolean writtenBefore(MappedClass c, RelationshipSite r, String path) {
    for (RelationshipSite before : c.relationships()) {
      if (before == r) {
        return false;
      }
      if (before.file().path().equals(path)) {
        return true;
      }
    }
    return false;
  }

  /** One entry's hash, mixed (splitmix64's finaliser) so that sums of entries rarely collide. */
  private static long entry(Object... parts) {
    long h = 1;
    for (Object p : parts) {
      h = h * 1_000_003 + (p == null ? 0 : p.hashCode());
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** How every class was classified: what the next snapshot's model starts from. */
  OrmModelBuilder.Classified classified() {
    return classified;
  }

  public Collection<Registry> registries() {
    return registries.values();
  }

  public Optional<Registry> registry(String id) {
    return Optional.ofNullable(registries.get(registryAliases.getOrDefault(id, id)));
  }

  public Collection<MappedClass> classes() {
    return classes.values();
  }

  public Optional<MappedClass> mappedClass(String qualifiedName) {
    return Optional.ofNullable(classes.get(qualifiedName));
  }

  /** The mapped class a class statement defines, if it is mapped. */
  public Optional<MappedClass> mappedClass(FileFacts file, ClassFact fact) {
    return mappedClass(Symbol.qualify(file, fact.name()));
  }

  /** Classes of this simple name in one registry. */
  public List<MappedClass> classesNamed(String registryId, String name) {
    return classesByName.getOrDefault(registryId, Map.of()).getOrDefault(name, List.of());
  }

  public Collection<String> classNames(String registryId) {
    return classesByName.getOrDefault(registryId, Map.of()).keySet();
  }

  /** Tables with this key ({@code name} or {@code schema.name}) in one metadata. */
  public List<MappedTable> tables(String metadataId, String key) {
    List<MappedTable> exact =
        tablesByMetadata.getOrDefault(metadataId, Map.of()).getOrDefault(key, List.of());
    if (!exact.isEmpty()) {
      return exact;
    }
    return tablesByMetadata.getOrDefault(UNKNOWN_METADATA, Map.of()).getOrDefault(key, List.of());
  }

  public Collection<MappedTable> tables(String metadataId) {
    List<MappedTable> out = new ArrayList<>();
    tablesByMetadata.getOrDefault(metadataId, Map.of()).values().forEach(out::addAll);
    return out;
  }

  public Map<String, List<MappedTable>> allTables(String metadataId) {
    return tablesByMetadata.getOrDefault(metadataId, Map.of());
  }

  /** Whether any table of this metadata lives in the schema (for {@code "schema.table"}). */
  public boolean hasSchema(String metadataId, String schema) {
    String prefix = schema + ".";
    for (String key : tablesByMetadata.getOrDefault(metadataId, Map.of()).keySet()) {
      if (key.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  public String metadataOf(String registryId) {
    Registry r = registries.get(registryAliases.getOrDefault(registryId, registryId));
    return r == null ? registryId + ".metadata" : r.metadataId();
  }

  /** The relationship named {@code attribute} on a class, its superclasses included. */
  public Optional<RelationshipSite> relationship(MappedClass owner, String attribute) {
    for (MappedClass c = owner;
        c != null;
        c = c.superclass() == null ? null : classes.get(c.superclass())) {
      for (RelationshipSite r : c.relationships()) {
        if (r.fact().attribute().equals(attribute)) {
          return Optional.of(r);
        }
      }
    }
    return Optional.empty();
  }

  /** Whether the class, or a superclass, has an attribute of this name (column or other). */
  public boolean hasAttribute(MappedClass owner, String attribute) {
    for (MappedClass c = owner;
        c != null;
        c = c.superclass() == null ? null : classes.get(c.superclass())) {
      if (c.attributeNames().contains(attribute)) {
        return true;
      }
    }
    return false;
  }

  /** Whether every attribute of the class and its superclasses is visible to us. */
  public boolean isComplete(MappedClass owner) {
    for (MappedClass c = owner;
        c != null;
        c = c.superclass() == null ? null : classes.get(c.superclass())) {
      if (!c.complete()) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code sub} is {@code base} or inherits from it. */
  public boolean isSubclass(MappedClass sub, MappedClass base) {
    for (MappedClass c = sub;
        c != null;
        c = c.superclass() == null ? null : classes.get(c.superclass())) {
      if (c.qualifiedName().equals(base.qualifiedName())) {
        return true;
      }
    }
    return false;
  }

  /** Mutable accumulation while building; frozen into an {@link OrmModel}. */
  static final class Tables {
    final Map<String, Map<String, List<MappedTable>>> byMetadata = new HashMap<>();

    void add(MappedTable table) {
      byMetadata
          .computeIfAbsent(table.metadataId(), k -> new LinkedHashMap<>())
          .computeIfAbsent(table.key(), k -> new ArrayList<>())
          .add(table);
    }
  }

  static String tableKey(String schema, String name) {
    return schema == null || schema.isEmpty() ? name : schema + "." + name;
  }

  /** Flask-SQLAlchemy's default table name: {@code CamelCase} to {@code camel_case}. */
  static String snakeCase(String className) {
    String s =
        className
            .replaceAll("([a-z\\d])([A-Z])", "$1_$2")
            .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2");
    return s.toLowerCase(Locale.ROOT);
  }

  static boolean isRegistryRootBase(String externalQualified) {
    return externalQualified.endsWith(".DeclarativeBase")
        || externalQualified.endsWith(".DeclarativeBaseNoMeta");
  }
}
