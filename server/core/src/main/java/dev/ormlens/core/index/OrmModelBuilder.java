package dev.ormlens.core.index;

import dev.ormlens.core.index.OrmModel.ColumnSite;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.index.OrmModel.MappedTable;
import dev.ormlens.core.index.OrmModel.Registry;
import dev.ormlens.core.index.OrmModel.RelationshipSite;
import dev.ormlens.core.model.ClassFact;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.ImperativeMappingFact;
import dev.ormlens.core.model.NameRef;
import dev.ormlens.core.model.Problem;
import dev.ormlens.core.model.RegistryFact;
import dev.ormlens.core.model.RelationshipFact;
import dev.ormlens.core.model.TableFact;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds an {@link OrmModel}: classifies every class (declarative root, mapped, abstract, mixin) by
 * following its bases across modules, then collects tables and class registries.
 */
final class OrmModelBuilder {
  private static final String SQLMODEL_REGISTRY = "sqlmodel.SQLModel";

  /** What a class is to the ORM. */
  private sealed interface Kind {
    /** A declarative base: owns a registry, is not itself mapped. */
    record Root(String registryId) implements Kind {}

    /** A mapped class. */
    record Mapped(String registryId, String superclass) implements Kind {}

    /** In a registry's family but not mapped: {@code __abstract__}, SQLModel without table=True. */
    record Abstract(String registryId) implements Kind {}

    /** Outside every registry: a mixin, or an ordinary class. */
    record Plain() implements Kind {}
  }

  /**
   * What classifying every class found, with the paths each kind was read from: the next snapshot
   * keeps the kinds none of whose paths changed.
   */
  static final class Classified {
    private final Map<String, Kind> kinds;
    private final Map<String, Set<String>> paths;
    private final Map<String, String> aliases;
    private final Set<String> imperative;
    private final boolean cyclic;

    /** Each class fact read, by identity, and its qualified name. */
    private final Map<ClassFact, String> names;

    private Classified(
        Map<ClassFact, String> names,
        Map<String, Kind> kinds,
        Map<String, Set<String>> paths,
        Map<String, String> aliases,
        Set<String> imperative,
        boolean cyclic) {
      this.names = names;
      this.kinds = kinds;
      this.paths = paths;
      this.aliases = aliases;
      this.imperative = imperative;
      this.cyclic = cyclic;
    }

    /** The files a class's classification read. */
    Set<String> pathsOf(String qualifiedName) {
      return paths.getOrDefault(qualifiedName, Set.of());
    }
  }

  private final WorkspaceIndex index;
  private final Classified previous;
  private final Set<String> changed;
  private final Map<String, Registry> registries = new LinkedHashMap<>();
  private final Map<String, String> aliases = new HashMap<>();
  private final Map<String, Kind> kinds = new HashMap<>();

  /** The same kinds by fact, asked several times per build without building the class's name. */
  private final Map<ClassFact, Kind> kindsByFact = new IdentityHashMap<>();

  private final Map<ClassFact, String> names = new IdentityHashMap<>();

  private final Map<String, Set<String>> kindPaths = new HashMap<>();
  private final Set<String> classifying = new HashSet<>();
  private boolean cyclic;
  private List<FileFacts> modelFiles;
  private final Map<String, ImperativeMappingFact> imperative = new HashMap<>();
  private final Map<String, FileFacts> imperativeFiles = new HashMap<>();

  OrmModelBuilder(WorkspaceIndex index) {
    this(index, null, Set.of());
  }

  /**
   * A builder that starts from the kinds of a previous snapshot's classes, for those whose paths
   * are not among {@code changed}.
   */
  OrmModelBuilder(WorkspaceIndex index, Classified previous, Set<String> changed) {
    this.index = index;
    this.previous = previous == null || previous.cyclic ? null : previous;
    this.changed = changed;
    if (this.previous != null) {
      this.previous.kinds.forEach(
          (name, kind) -> {
            Set<String> paths = this.previous.paths.get(name);
            if (java.util.Collections.disjoint(paths, changed)) {
              kinds.put(name, kind);
              kindPaths.put(name, paths);
            }
          });
      // Unchanged files hand over the very same class facts: their kinds need no name built.
      this.previous.names.forEach(
          (fact, name) -> {
            Kind kept = kinds.get(name);
            if (kept != null) {
              kindsByFact.put(fact, kept);
              names.put(fact, name);
            }
          });
    }
  }

  OrmModel build() {
    OrmModel model = buildOnce();
    if (previous != null
        && (cyclic
            || !previous.aliases.equals(aliases)
            || !previous.imperative.equals(imperative.keySet()))) {
      // Kept kinds are exact only when the registries and imperative mappings they were read
      // against are the same, and no class inherits from itself: else classify afresh.
      return new OrmModelBuilder(index).build();
    }
    return model;
  }

  private OrmModel buildOnce() {
    // Imperative mappings and registry aliases first: classifying a class reads both.
    collectImperativeMappings();
    collectRegistries();
    Map<String, MappedClass> classes = new LinkedHashMap<>();
    for (FileFacts file : sorted()) {
      for (ClassFact c : file.classes()) {
        if (classify(file, c) instanceof Kind.Mapped m) {
          MappedClass mapped = mappedClass(file, c, m);
          classes.put(mapped.qualifiedName(), mapped);
        }
      }
    }
    OrmModel.Tables tables = new OrmModel.Tables();
    collectTables(classes, tables);
    Map<String, Map<String, List<MappedClass>>> byName = new HashMap<>();
    for (MappedClass c : classes.values()) {
      byName
          .computeIfAbsent(c.registryId(), k -> new HashMap<>())
          .computeIfAbsent(c.name(), k -> new ArrayList<>())
          .add(c);
    }
    return new OrmModel(
        Map.copyOf(registries),
        classes,
        byName,
        tables.byMetadata,
        Map.copyOf(aliases),
        new Classified(
            Collections.unmodifiableMap(names),
            // The builder is done with these maps: no copies of 20,000 entries per snapshot.
            Collections.unmodifiableMap(kinds),
            Collections.unmodifiableMap(kindPaths),
            Map.copyOf(aliases),
            Set.copyOf(imperative.keySet()),
            cyclic));
  }

  /**
   * The files with classes, tables, registries or mappings, by path: the only ones the model is
   * built from (every loop below reads nothing else).
   */
  private List<FileFacts> sorted() {
    if (modelFiles == null) {
      List<FileFacts> files = new ArrayList<>();
      for (FileFacts f : index.files()) {
        if (f.hasModelFacts()) {
          files.add(f);
        }
      }
      files.sort((a, b) -> a.path().compareTo(b.path()));
      modelFiles = files;
    }
    return modelFiles;
  }

  // ---- registries

  private void collectRegistries() {
    for (FileFacts file : sorted()) {
      for (RegistryFact r : file.registries()) {
        String id = Symbol.qualify(file, r.name());
        switch (r.kind()) {
          case GENERATED_BASE -> {
            if (r.source() != null
                && index.resolve(r.source().qualified()) instanceof Symbol.Registry s) {
              aliases.put(id, s.qualifiedName());
            }
          }
          case METADATA -> {}
          case FLASK_SQLALCHEMY_SUBCLASS -> {
            if (subclassesFlaskSqlalchemy(r.source(), 0)) {
              registries.put(id, new Registry(id, metadataFor(id, null), file, r.nameRange()));
            }
          }
          default ->
              registries.put(
                  id, new Registry(id, metadataFor(id, r.source()), file, r.nameRange()));
        }
      }
    }
    for (FileFacts file : sorted()) {
      for (ClassFact c : file.classes()) {
        if (classify(file, c) instanceof Kind.Root root) {
          registries.put(
              root.registryId(),
              new Registry(
                  root.registryId(),
                  metadataFor(root.registryId(), c.metadata()),
                  file,
                  c.nameRange()));
        }
      }
    }
    registries.putIfAbsent(
        SQLMODEL_REGISTRY,
        new Registry(SQLMODEL_REGISTRY, SQLMODEL_REGISTRY + ".metadata", null, null));
  }

  private String metadataFor(String registryId, NameRef metadata) {
    if (metadata == null) {
      return registryId + ".metadata";
    }
    String resolved = metadataId(metadata);
    return resolved == null || resolved.equals(OrmModel.UNKNOWN_METADATA)
        ? registryId + ".metadata"
        : resolved;
  }

  /**
   * The metadata a name such as {@code Base.metadata}, {@code db} or {@code metadata_obj} denotes.
   */
  private String metadataId(NameRef ref) {
    if (ref == null) {
      return OrmModel.UNKNOWN_METADATA;
    }
    Symbol s = index.resolve(ref.qualified());
    if (s instanceof Symbol.Registry r) {
      String id = aliases.getOrDefault(r.qualifiedName(), r.qualifiedName());
      if (r.fact().kind() == RegistryFact.Kind.METADATA) {
        return r.members().isEmpty() ? id : OrmModel.UNKNOWN_METADATA;
      }
      Registry registry = registries.get(id);
      if (r.members().isEmpty() || r.members().equals(List.of("metadata"))) {
        return registry != null ? registry.metadataId() : id + ".metadata";
      }
    } else if (s instanceof Symbol.Class c && c.members().equals(List.of("metadata"))) {
      Kind k = classify(c.file(), c.fact());
      String registryId = registryOf(k);
      if (registryId != null) {
        Registry registry = registries.get(registryId);
        return registry != null ? registry.metadataId() : registryId + ".metadata";
      }
    } else if (s instanceof Symbol.Class c
        && c.members().isEmpty()
        && ref.written().endsWith("metadata")) {
      return OrmModel.UNKNOWN_METADATA;
    }
    return OrmModel.UNKNOWN_METADATA;
  }

  private static String registryOf(Kind k) {
    if (k instanceof Kind.Root r) {
      return r.registryId();
    }
    if (k instanceof Kind.Mapped m) {
      return m.registryId();
    }
    if (k instanceof Kind.Abstract a) {
      return a.registryId();
    }
    return null;
  }

  private void collectImperativeMappings() {
    for (FileFacts file : sorted()) {
      for (ImperativeMappingFact m : file.imperativeMappings()) {
        if (index.resolve(m.mappedClass().qualified()) instanceof Symbol.Class c) {
          imperative.put(c.qualifiedName(), m);
          imperativeFiles.put(c.qualifiedName(), file);
        }
      }
    }
  }

  // ---- classes

  private Kind classify(FileFacts file, ClassFact c) {
    Kind seen = kindsByFact.get(c);
    if (seen != null) {
      return seen;
    }
    String qualified = Symbol.qualify(file, c.name());
    Kind known = kinds.get(qualified);
    if (known != null) {
      kindsByFact.put(c, known);
      names.put(c, qualified);
      return known;
    }
    if (!classifying.add(qualified)) {
      cyclic = true;
      return new Kind.Plain();
    }
    Set<String> paths = new HashSet<>();
    paths.add(file.path());
    Kind kind = computeKind(file, c, qualified, paths);
    classifying.remove(qualified);
    kinds.put(qualified, kind);
    kindPaths.put(qualified, Set.copyOf(paths));
    if (!cyclic) {
      kindsByFact.put(c, kind);
      names.put(c, qualified);
    }
    return kind;
  }

  /** Resolves a name for classification, noting the files the answer depends on. */
  private Symbol resolveNoting(String qualified, Set<String> paths) {
    SymbolResolver.Resolved r = index.resolved(qualified);
    paths.addAll(r.paths());
    return r.symbol();
  }

  private Kind computeKind(FileFacts file, ClassFact c, String qualified, Set<String> paths) {
    ImperativeMappingFact im = imperative.get(qualified);
    if (im != null && im.registry() != null) {
      paths.add(imperativeFiles.get(qualified).path());
      resolveNoting(im.registry().qualified(), paths);
      return new Kind.Mapped(registryIdOf(im.registry()), null);
    }
    for (NameRef d : c.decorators()) {
      Symbol s = resolveNoting(d.qualified(), paths);
      if (s instanceof Symbol.Registry r
          && r.fact().kind() == RegistryFact.Kind.REGISTRY
          && !r.members().isEmpty()
          && r.members().get(0).startsWith("mapped")) {
        return new Kind.Mapped(aliases.getOrDefault(r.qualifiedName(), r.qualifiedName()), null);
      }
    }
    String family = null;
    String superclass = null;
    for (NameRef b : c.bases()) {
      Symbol s = resolveNoting(b.qualified(), paths);
      if (s instanceof Symbol.External e) {
        if (OrmModel.isRegistryRootBase(e.qualified())) {
          // `registry = mapper_registry` in the base: its classes join that registry.
          if (c.registry() != null
              && resolveNoting(c.registry().qualified(), paths) instanceof Symbol.Registry r
              && r.fact().kind() == RegistryFact.Kind.REGISTRY
              && r.members().isEmpty()) {
            return new Kind.Root(aliases.getOrDefault(r.qualifiedName(), r.qualifiedName()));
          }
          return new Kind.Root(qualified);
        }
        if (e.qualified().equals(SQLMODEL_REGISTRY) || e.qualified().endsWith(".SQLModel")) {
          family = family == null ? SQLMODEL_REGISTRY : family;
        }
      } else if (s instanceof Symbol.Registry r) {
        RegistryFact.Kind rk = r.fact().kind();
        boolean base =
            (rk == RegistryFact.Kind.DECLARATIVE_BASE || rk == RegistryFact.Kind.GENERATED_BASE)
                && r.members().isEmpty();
        boolean flaskModel =
            isFlaskExtension(r.qualifiedName(), rk) && r.members().equals(List.of("Model"));
        if ((base || flaskModel) && family == null) {
          family = aliases.getOrDefault(r.qualifiedName(), r.qualifiedName());
        }
      } else if (s instanceof Symbol.Class parent && parent.members().isEmpty()) {
        Kind pk = classify(parent.file(), parent.fact());
        paths.addAll(kindPaths.getOrDefault(parent.qualifiedName(), Set.of(parent.file().path())));
        if (pk instanceof Kind.Mapped && superclass == null) {
          superclass = parent.qualifiedName();
        }
        String r = registryOf(pk);
        if (r != null && family == null) {
          family = r;
        }
      }
    }
    if (family == null) {
      String external = externalModelBase(c, paths);
      if (external == null) {
        return new Kind.Plain();
      }
      family = OrmModel.OPEN_REGISTRY_PREFIX + external;
    }
    boolean sqlmodelWithoutTable =
        family.equals(SQLMODEL_REGISTRY) && !"True".equals(c.keywords().get("table"));
    if (c.isAbstract() || sqlmodelWithoutTable) {
      return new Kind.Abstract(family);
    }
    return new Kind.Mapped(family, superclass);
  }

  private String registryIdOf(NameRef ref) {
    Symbol s = index.resolve(ref.qualified());
    if (s instanceof Symbol.Registry r) {
      return aliases.getOrDefault(r.qualifiedName(), r.qualifiedName());
    }
    return ref.qualified();
  }

  /**
   * Whether a syntax error falls inside the class, a class it inherits attributes from, or its
   * {@code map_imperatively} call: the parser dropped what it could not read, so the attributes we
   * see are not all there are (a missing one is not evidence of a fault).
   */
  private static boolean unparsed(
      List<Symbol.Class> contributors, ImperativeMappingFact im, FileFacts imFile) {
    for (Symbol.Class contributor : contributors) {
      for (Problem p : contributor.file().problems()) {
        if (p.range().overlaps(contributor.fact().range())) {
          return true;
        }
      }
    }
    if (im != null && imFile != null) {
      for (Problem p : imFile.problems()) {
        if (p.range().overlaps(im.range())) {
          return true;
        }
      }
    }
    return false;
  }

  private MappedClass mappedClass(FileFacts file, ClassFact c, Kind.Mapped kind) {
    String qualified = Symbol.qualify(file, c.name());
    List<RelationshipSite> relationships = new ArrayList<>();
    List<ColumnSite> columns = new ArrayList<>();
    List<String> attributes = new ArrayList<>();
    boolean[] complete = {!c.dynamicTableName()};
    // The class itself, then what it inherits from mixins and unmapped family classes.
    List<Symbol.Class> contributors = new ArrayList<>();
    contributors.add(new Symbol.Class(file, c, List.of()));
    collectContributors(c, contributors, new HashSet<>(), complete);
    ImperativeMappingFact im = imperative.get(qualified);
    FileFacts imFile = imperativeFiles.get(qualified);
    for (Symbol.Class contributor : contributors) {
      for (ClassFact.Attribute a : contributor.fact().attributes()) {
        // map_imperatively ignores annotations: `x: Mapped["Other"]` there is a type hint for
        // the property the mapping (or a backref) creates, not an attribute of its own.
        if (im == null || !a.hintOnly()) {
          attributes.add(a.name());
        }
      }
      contributor
          .fact()
          .columns()
          .forEach(col -> columns.add(new ColumnSite(contributor.file(), col)));
    }
    String schema = null;
    for (Symbol.Class contributor : contributors) {
      // __table_args__ is inherited from mixins like any class attribute; the nearest wins.
      schema = schema != null ? schema : contributor.fact().schema();
    }
    String tableKey = tableKeyOf(c, schema, kind, im);
    if (c.dynamicTableName()
        || (im != null && !im.propertiesKnown())
        || unparsed(contributors, im, imFile)
        || contributors.stream().anyMatch(k -> k.fact().opaqueColumns())) {
      complete[0] = false;
    }
    MappedClass mapped =
        new MappedClass(
            qualified,
            file,
            c,
            kind.registryId(),
            tableKey,
            kind.superclass(),
            relationships,
            columns,
            attributes,
            complete[0]);
    for (Symbol.Class contributor : contributors) {
      for (RelationshipFact r : contributor.fact().relationships()) {
        relationships.add(new RelationshipSite(contributor.file(), r, mapped));
      }
    }
    if (im != null) {
      for (RelationshipFact r : im.relationships()) {
        relationships.add(new RelationshipSite(imFile, r, mapped));
        attributes.add(r.attribute());
      }
    }
    return mapped;
  }

  /**
   * Mixins and unmapped family classes (bases, abstract classes) whose attributes a class inherits.
   */
  private void collectContributors(
      ClassFact c, List<Symbol.Class> out, Set<String> seen, boolean[] complete) {
    FileFacts owner = out.get(0).file();
    for (Symbol.Class existing : out) {
      if (existing.fact() == c) {
        owner = existing.file();
      }
    }
    for (NameRef b : c.bases()) {
      Symbol s = index.resolve(b.qualified());
      if (s instanceof Symbol.Class parent && parent.members().isEmpty()) {
        if (!seen.add(parent.qualifiedName())) {
          continue;
        }
        Kind pk = classify(parent.file(), parent.fact());
        if (pk instanceof Kind.Mapped) {
          continue; // Reached through the superclass chain instead.
        }
        out.add(parent);
        if (parent.fact().dynamicTableName() && pk instanceof Kind.Plain) {
          // A mixin computing __tablename__ makes every subclass's table name dynamic.
          complete[0] = false;
        }
        collectContributors(parent.fact(), out, seen, complete);
      } else if (s instanceof Symbol.External e
          && !OrmModel.isRegistryRootBase(e.qualified())
          && !e.qualified().endsWith(".SQLModel")
          && !OrmModel.isHarmlessExternal(e.qualified())) {
        complete[0] = false;
      } else if (s instanceof Symbol.Unresolved) {
        complete[0] = false;
      }
    }
    if (owner == null) {
      complete[0] = false;
    }
  }

  /**
   * The base, from a package outside the workspace, of a class that reads as a declarative model
   * ({@code class Port(model_base.BASEV2): __tablename__ = "ports"; id = Column(...)}), or null.
   * Its registry is open: it holds classes we cannot see, so nothing is concluded from a name
   * missing in it.
   */
  private String externalModelBase(ClassFact c, Set<String> paths) {
    // A literal table name, or columns only Column(...) writes (a key): the base may name the
    // table itself (neutron's BASEV2 does), but plain annotated classes are not models.
    boolean readsAsModel =
        c.tableName() != null
            || c.columns().stream()
                .anyMatch(col -> col.primaryKey() || !col.foreignKeys().isEmpty());
    if (!readsAsModel || c.isAbstract()) {
      return null;
    }
    for (NameRef b : c.bases()) {
      if (resolveNoting(b.qualified(), paths) instanceof Symbol.External e
          && !OrmModel.isHarmlessExternal(e.qualified())
          && !e.qualified().startsWith("pydantic.")
          && !e.qualified().startsWith("builtins.")) {
        return e.qualified();
      }
    }
    return null;
  }

  private String tableKeyOf(
      ClassFact c, String schema, Kind.Mapped kind, ImperativeMappingFact im) {
    if (c.tableName() != null) {
      return OrmModel.tableKey(schema, c.tableName().value());
    }
    if (c.table() != null) {
      return OrmModel.tableKey(c.table().schema(), c.table().name().value());
    }
    if (c.tableVariable() != null
        && index.resolve(c.tableVariable().qualified()) instanceof Symbol.Table t) {
      return OrmModel.tableKey(t.fact().schema(), t.fact().name().value());
    }
    if (im != null
        && im.table() != null
        && index.resolve(im.table().qualified()) instanceof Symbol.Table t) {
      return OrmModel.tableKey(t.fact().schema(), t.fact().name().value());
    }
    if (c.dynamicTableName()) {
      return null;
    }
    Registry registry = registries.get(kind.registryId());
    boolean ownPrimaryKey = c.columns().stream().anyMatch(col -> col.primaryKey());
    if (registry != null && isFlask(registry) && (kind.superclass() == null || ownPrimaryKey)) {
      // Flask-SQLAlchemy names the table unless the class inherits a table without adding a key.
      return OrmModel.tableKey(schema, OrmModel.snakeCase(c.name()));
    }
    if (kind.superclass() == null && kind.registryId().equals(SQLMODEL_REGISTRY)) {
      return OrmModel.tableKey(schema, c.name().toLowerCase(java.util.Locale.ROOT));
    }
    return null;
  }

  private boolean isFlask(Registry registry) {
    if (registry.file() == null) {
      return false;
    }
    for (RegistryFact r : registry.file().registries()) {
      if (Symbol.qualify(registry.file(), r.name()).equals(registry.id())) {
        return isFlaskExtension(registry.id(), r.kind());
      }
    }
    return false;
  }

  /** Flask-SQLAlchemy's {@code SQLAlchemy()}, or an instance of a verified subclass of it. */
  private boolean isFlaskExtension(String id, RegistryFact.Kind kind) {
    return kind == RegistryFact.Kind.FLASK_SQLALCHEMY
        || kind == RegistryFact.Kind.FLASK_SQLALCHEMY_SUBCLASS && registries.containsKey(id);
  }

  /**
   * Whether the class called ({@code MySQLAlchemy} in {@code db = MySQLAlchemy(app)}) inherits from
   * Flask-SQLAlchemy's {@code SQLAlchemy}: a class of the workspace whose bases lead there, or a
   * class of an installed package (which we cannot read, and which the name says it is).
   */
  private boolean subclassesFlaskSqlalchemy(NameRef called, int depth) {
    if (called == null || depth > 8) {
      return false;
    }
    Symbol s = index.resolve(called.qualified());
    if (s instanceof Symbol.External e) {
      return e.qualified().endsWith("SQLAlchemy");
    }
    if (s instanceof Symbol.Class c && c.members().isEmpty()) {
      for (NameRef base : c.fact().bases()) {
        if (subclassesFlaskSqlalchemy(base, depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  // ---- tables

  private void collectTables(Map<String, MappedClass> classes, OrmModel.Tables tables) {
    Map<String, List<MappedClass>> subclasses = new HashMap<>();
    for (MappedClass sub : classes.values()) {
      if (sub.superclass() != null) {
        subclasses.computeIfAbsent(sub.superclass(), k -> new ArrayList<>()).add(sub);
      }
    }
    for (FileFacts file : sorted()) {
      for (TableFact t : file.tables()) {
        tables.add(tableOf(file, t, metadataId(t.metadata()), null));
      }
    }
    for (MappedClass c : classes.values()) {
      String metadata =
          registries.containsKey(c.registryId())
              ? registries.get(c.registryId()).metadataId()
              : c.registryId() + ".metadata";
      ClassFact f = c.fact();
      if (f.table() != null) {
        tables.add(tableOf(c.file(), f.table(), metadata, c.qualifiedName()));
      } else if (c.tableKey() != null
          && f.tableVariable() == null
          && !imperative.containsKey(c.qualifiedName())) {
        String name = c.tableKey().substring(c.tableKey().lastIndexOf('.') + 1);
        List<ColumnSite> columns = new ArrayList<>(c.columns());
        // Single-table subclasses add their columns to this table.
        for (MappedClass sub : subclasses.getOrDefault(c.qualifiedName(), List.of())) {
          if (sub.tableKey() == null) {
            columns.addAll(sub.columns());
          }
        }
        tables.add(
            new MappedTable(
                c.tableKey(),
                name,
                metadata,
                c.file(),
                f.tableName() != null ? f.tableName().contentRange() : f.nameRange(),
                List.copyOf(columns),
                c.qualifiedName(),
                c.complete(),
                f.extendExisting()));
      }
    }
  }

  private static MappedTable tableOf(
      FileFacts file, TableFact t, String metadataId, String mappedClass) {
    List<ColumnSite> columns = new ArrayList<>();
    t.columns().forEach(col -> columns.add(new ColumnSite(file, col)));
    return new MappedTable(
        OrmModel.tableKey(t.schema(), t.name().value()),
        t.name().value(),
        metadataId,
        file,
        t.name().contentRange(),
        List.copyOf(columns),
        mappedClass,
        true,
        t.extendExisting());
  }
}
