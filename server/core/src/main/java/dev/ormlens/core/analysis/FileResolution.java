package dev.ormlens.core.analysis;

import dev.ormlens.core.analysis.Reference.Kind;
import dev.ormlens.core.analysis.Reference.Target;
import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.index.OrmModel.ColumnSite;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.index.OrmModel.MappedTable;
import dev.ormlens.core.index.OrmModel.RelationshipSite;
import dev.ormlens.core.index.WorkspaceIndex;
import dev.ormlens.core.model.AnnotationFact;
import dev.ormlens.core.model.ColumnFact;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.ForeignKeyFact;
import dev.ormlens.core.model.NameRef;
import dev.ormlens.core.model.RelationshipFact;
import dev.ormlens.core.model.SecondaryExpr;
import dev.ormlens.core.model.StringLiteral;
import dev.ormlens.core.model.TableFact;
import dev.ormlens.core.model.TargetExpr;
import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every reference written in one file, resolved against a snapshot: relationship targets, {@code
 * secondary} tables, {@code back_populates}, foreign keys. Computed once per file and snapshot;
 * diagnostics and navigation both read it.
 */
public final class FileResolution {
  /** A relationship with what each of its references resolved to. */
  public record ResolvedRelationship(
      RelationshipSite site,
      Lookup target,
      Lookup annotationTarget,
      Lookup secondary,
      MappedClass targetClass,
      MappedTable secondaryTable) {}

  /** A foreign key with what its table and column resolved to. */
  public record ResolvedForeignKey(
      FileFacts file,
      ForeignKeyFact foreignKey,
      String metadataId,
      String tableKey,
      MappedTable table,
      ColumnSite column) {}

  /** A name in a {@code primaryjoin=}-style string that SQLAlchemy will fail to find. */
  public record UnknownExpressionName(
      RelationshipSite site, String keyword, String name, TextRange range) {}

  private final FileFacts file;
  private final List<UnknownExpressionName> unknownExpressionNames = new ArrayList<>();
  private final List<ResolvedRelationship> relationships = new ArrayList<>();
  private final List<ResolvedForeignKey> foreignKeys = new ArrayList<>();
  private final List<Reference> references = new ArrayList<>();

  private FileResolution(FileFacts file) {
    this.file = file;
  }

  public FileFacts file() {
    return file;
  }

  public List<ResolvedRelationship> relationships() {
    return relationships;
  }

  public List<ResolvedForeignKey> foreignKeys() {
    return foreignKeys;
  }

  public List<Reference> references() {
    return references;
  }

  public List<UnknownExpressionName> unknownExpressionNames() {
    return unknownExpressionNames;
  }

  static FileResolution of(
      WorkspaceIndex index, NameLookup lookup, FileFacts file, List<RelationshipSite> sites) {
    FileResolution r = new FileResolution(file);
    OrmModel model = index.model();
    for (RelationshipSite site : sites) {
      r.relationships.add(r.resolve(lookup, model, site));
    }
    r.resolveForeignKeys(index, lookup, model);
    return r;
  }

  private ResolvedRelationship resolve(NameLookup lookup, OrmModel model, RelationshipSite site) {
    MappedClass owner = site.owner();
    String registry = owner.registryId();
    TargetExpr t = site.fact().target();
    Lookup target = null;
    if (t instanceof TargetExpr.Text text) {
      target = lookup.classString(registry, text.literal().value());
      addReference(text.literal().contentRange(), Kind.CLASS_STRING, target);
    } else if (t instanceof TargetExpr.Name name) {
      target = lookup.className(name.name());
      addReference(
          name.name().range(), isResolver(target) ? Kind.RESOLVER : Kind.CLASS_NAME, target);
    } else if (t instanceof TargetExpr.Lambda lambda) {
      target = lookup.className(lambda.body());
      addReference(lambda.body().range(), Kind.CLASS_NAME, target);
    } else if (t instanceof TargetExpr.Opaque) {
      target = new Lookup.Unknowable();
    }
    Lookup annotationTarget = null;
    AnnotationFact annotation = site.fact().annotation();
    if (annotation != null) {
      annotationTarget =
          annotation.quoted()
              ? lookup.classString(registry, annotation.target().written())
              : lookup.className(annotation.target());
      addReference(annotation.target().range(), Kind.ANNOTATION, annotationTarget);
    }
    Lookup effective = target != null ? target : annotationTarget;
    MappedClass targetClass =
        effective instanceof Lookup.FoundClass found ? found.mappedClass() : null;
    Lookup secondary = null;
    MappedTable secondaryTable = null;
    if (site.fact().secondary() != null) {
      secondary = secondary(lookup, registry, site.fact().secondary());
    } else if (site.fact().linkModel() != null) {
      // SQLModel's link_model=Link is secondary=Link.__table__.
      secondary =
          secondary(
              lookup,
              registry,
              new SecondaryExpr.TableOf(site.fact().linkModel(), site.fact().linkModel().range()));
    }
    if (secondary instanceof Lookup.FoundTable ft) {
      secondaryTable = ft.table();
    }
    if (targetClass != null) {
      for (StringLiteral s : new StringLiteral[] {site.fact().backPopulates()}) {
        if (s != null) {
          model
              .relationship(targetClass, s.value())
              .ifPresent(
                  other ->
                      references.add(
                          new Reference(
                              file.path(),
                              s.contentRange(),
                              Kind.BACK_POPULATES,
                              new Target.RelationshipTarget(other))));
        }
      }
    }
    for (RelationshipFact.KeywordString k : site.fact().expressionStrings()) {
      resolveExpression(lookup, model, site, k);
    }
    return new ResolvedRelationship(
        site, target, annotationTarget, secondary, targetClass, secondaryTable);
  }

  /**
   * {@code primaryjoin="and_(Parent.id == Child.parent_id)"}: each dotted name's head is looked up
   * as SQLAlchemy's evaluation does (registry classes, tables, module paths, then its namespace); a
   * class's attribute becomes a reference too.
   */
  private void resolveExpression(
      NameLookup lookup, OrmModel model, RelationshipSite site, RelationshipFact.KeywordString k) {
    StringLiteral literal = k.literal();
    String registry = site.owner().registryId();
    for (ExpressionStrings.DottedName n :
        ExpressionStrings.names(literal.value(), literal.contentRange().start())) {
      String head = n.parts().get(0);
      Lookup l = lookup.classString(registry, head);
      addReference(n.ranges().get(0), Kind.EXPRESSION, l);
      if (l instanceof Lookup.FoundClass fc && n.parts().size() > 1) {
        attributeReference(lookup, model, fc.mappedClass(), n.parts().get(1), n.ranges().get(1));
      } else if (l instanceof Lookup.NotFound && !ExpressionStrings.provided(head)) {
        unknownExpressionNames.add(
            new UnknownExpressionName(site, k.keyword(), head, n.ranges().get(0)));
      }
    }
  }

  private void attributeReference(
      NameLookup lookup, OrmModel model, MappedClass c, String attribute, TextRange range) {
    var relationship = model.relationship(c, attribute);
    if (relationship.isPresent()) {
      references.add(
          new Reference(
              file.path(),
              range,
              Kind.EXPRESSION,
              new Target.RelationshipTarget(relationship.get())));
      return;
    }
    // Columns are inherited too: a single-table subclass reads its superclass's columns.
    for (MappedClass k = c;
        k != null;
        k = k.superclass() == null ? null : model.mappedClass(k.superclass()).orElse(null)) {
      MappedTable table = lookup.tableOf(k);
      for (ColumnSite col : k.columns()) {
        if (attribute.equals(col.fact().attribute()) && table != null) {
          references.add(
              new Reference(
                  file.path(), range, Kind.EXPRESSION, new Target.ColumnTarget(table, col)));
          return;
        }
      }
    }
  }

  private Lookup secondary(NameLookup lookup, String registry, SecondaryExpr expr) {
    if (expr instanceof SecondaryExpr.Text text) {
      Lookup l = lookup.tableString(registry, text.literal().value());
      addReference(text.literal().contentRange(), Kind.TABLE_STRING, l);
      return l;
    }
    if (expr instanceof SecondaryExpr.Name name) {
      Lookup l = lookup.tableName(name.name());
      addReference(name.name().range(), Kind.TABLE_NAME, l);
      return l;
    }
    if (expr instanceof SecondaryExpr.TableOf tableOf) {
      Lookup l = lookup.className(tableOf.mappedClass());
      addReference(tableOf.mappedClass().range(), Kind.CLASS_NAME, l);
      if (l instanceof Lookup.FoundClass fc) {
        MappedTable table = lookup.tableOf(fc.mappedClass());
        return table == null ? new Lookup.Unknowable() : new Lookup.FoundTable(table);
      }
      return l;
    }
    if (expr instanceof SecondaryExpr.Lambda lambda) {
      return secondary(lookup, registry, lambda.body());
    }
    if (expr instanceof SecondaryExpr.Call call && call.arguments().size() == 1) {
      // from_clause(resolve_association): a helper returning lambda: fn().__table__.
      Lookup l = lookup.className(call.arguments().get(0));
      addReference(call.arguments().get(0).range(), Kind.RESOLVER, l);
      if (l instanceof Lookup.FoundClass fc) {
        MappedTable table = lookup.tableOf(fc.mappedClass());
        return table == null ? new Lookup.Unknowable() : new Lookup.FoundTable(table);
      }
      return l instanceof Lookup.NotFound ? l : new Lookup.Unknowable();
    }
    return new Lookup.Unknowable();
  }

  private static boolean isResolver(Lookup l) {
    return l instanceof Lookup.FoundClass fc && fc.viaResolver() != null;
  }

  private void addReference(TextRange range, Kind kind, Lookup lookup) {
    Target target = null;
    if (lookup instanceof Lookup.FoundClass fc) {
      target = new Target.MappedClassTarget(fc.mappedClass());
    } else if (lookup instanceof Lookup.FoundTable ft) {
      target = new Target.TableTarget(ft.table());
    }
    if (target != null) {
      references.add(new Reference(file.path(), range, kind, target));
    }
  }

  // ---- foreign keys

  private void resolveForeignKeys(WorkspaceIndex index, NameLookup lookup, OrmModel model) {
    for (var c : file.classes()) {
      MappedClass mapped = model.mappedClass(file, c).orElse(null);
      String metadata = mapped != null ? model.metadataOf(mapped.registryId()) : null;
      if (metadata == null) {
        continue;
      }
      for (ColumnFact col : c.columns()) {
        col.foreignKeys().forEach(fk -> resolveForeignKey(model, metadata, fk));
      }
      if (c.table() != null) {
        for (ColumnFact col : c.table().columns()) {
          col.foreignKeys().forEach(fk -> resolveForeignKey(model, metadata, fk));
        }
      }
    }
    for (TableFact t : file.tables()) {
      String metadata = metadataOfTable(model, t);
      for (ColumnFact col : t.columns()) {
        col.foreignKeys().forEach(fk -> resolveForeignKey(model, metadata, fk));
      }
    }
    resolveMixinForeignKeys(model);
  }

  /**
   * A column that a mixin (or an abstract base) declares lands on the table of every mapped class
   * that inherits it, so its foreign key names a table of their metadata. These are references for
   * navigation only: the checks see the key through the classes that use the mixin.
   */
  private void resolveMixinForeignKeys(OrmModel model) {
    for (var c : file.classes()) {
      if (c.columns().stream().allMatch(col -> col.foreignKeys().isEmpty())
          || model.mappedClass(file, c).isPresent()) {
        continue;
      }
      String metadata = mixinMetadata(model, c.name());
      if (metadata == null) {
        continue;
      }
      for (ColumnFact col : c.columns()) {
        col.foreignKeys().forEach(fk -> referenceForeignKey(model, metadata, fk));
      }
    }
  }

  /**
   * The one metadata of the mapped classes that name the mixin among their bases, or, when none in
   * the workspace does (a library's mixin), the workspace's only metadata; null when unsure.
   */
  private static String mixinMetadata(OrmModel model, String mixin) {
    Set<String> users = new HashSet<>();
    Set<String> all = new HashSet<>();
    for (MappedClass m : model.classes()) {
      String metadata = model.metadataOf(m.registryId());
      if (OrmModel.isOpen(metadata)) {
        continue;
      }
      all.add(metadata);
      for (NameRef base : m.fact().bases()) {
        String written = base.written();
        if (written.equals(mixin) || written.endsWith("." + mixin)) {
          users.add(metadata);
        }
      }
    }
    Set<String> candidates = users.isEmpty() ? all : users;
    return candidates.size() == 1 ? candidates.iterator().next() : null;
  }

  /**
   * For {@code "events.events.id"} when no table is known under that schema: the one table named
   * {@code events} whose class computes its schema ({@code __table_args__} from a helper), if any.
   */
  private static MappedTable tableOfUnknownSchema(
      OrmModel model, String metadata, String tableKey) {
    int dot = tableKey.lastIndexOf('.');
    if (dot <= 0 || !model.hasUnnamedTables(metadata)) {
      return null;
    }
    List<MappedTable> candidates =
        model.tables(metadata, tableKey.substring(dot + 1)).stream()
            .filter(
                t ->
                    t.mappedClass() != null
                        && model
                            .mappedClass(t.mappedClass())
                            .map(c -> c.fact().dynamicTableName())
                            .orElse(false))
            .toList();
    return candidates.size() == 1 ? candidates.get(0) : null;
  }

  private void referenceForeignKey(OrmModel model, String metadata, ForeignKeyFact fk) {
    int before = foreignKeys.size();
    resolveForeignKey(model, metadata, fk);
    foreignKeys.subList(before, foreignKeys.size()).clear();
  }

  private String metadataOfTable(OrmModel model, TableFact t) {
    return model
        .tableAt(file.path(), t.name().contentRange().start())
        .map(MappedTable::metadataId)
        .orElse(OrmModel.UNKNOWN_METADATA);
  }

  private void resolveForeignKey(OrmModel model, String metadata, ForeignKeyFact fk) {
    StringLiteral target = fk.target();
    if (target == null) {
      return;
    }
    String value = target.value();
    int dot = value.lastIndexOf('.');
    if (dot <= 0 || dot == value.length() - 1) {
      foreignKeys.add(new ResolvedForeignKey(file, fk, metadata, value, null, null));
      return;
    }
    String tableKey = value.substring(0, dot);
    String column = value.substring(dot + 1);
    List<MappedTable> tables = model.tables(metadata, tableKey);
    MappedTable table = tables.isEmpty() ? null : tables.get(0);
    ColumnSite columnSite = null;
    TextRange content = target.contentRange();
    TextRange tableRange = new TextRange(content.start(), content.start() + dot);
    TextRange columnRange = new TextRange(content.start() + dot + 1, content.end());
    MappedTable navigable = table != null ? table : tableOfUnknownSchema(model, metadata, tableKey);
    if (table == null && navigable != null) {
      // Navigation only: the checks do not take a guess for the table.
      references.add(
          new Reference(
              file.path(), tableRange, Kind.FOREIGN_KEY_TABLE, new Target.TableTarget(navigable)));
      navigable.columns().stream()
          .filter(c -> c.fact().name().equals(column))
          .findFirst()
          .ifPresent(
              c ->
                  references.add(
                      new Reference(
                          file.path(),
                          columnRange,
                          Kind.FOREIGN_KEY_COLUMN,
                          new Target.ColumnTarget(navigable, c))));
    }
    if (table != null) {
      references.add(
          new Reference(
              file.path(), tableRange, Kind.FOREIGN_KEY_TABLE, new Target.TableTarget(table)));
      for (ColumnSite c : table.columns()) {
        if (c.fact().name().equals(column)) {
          columnSite = c;
          references.add(
              new Reference(
                  file.path(),
                  columnRange,
                  Kind.FOREIGN_KEY_COLUMN,
                  new Target.ColumnTarget(table, c)));
          break;
        }
      }
    }
    foreignKeys.add(new ResolvedForeignKey(file, fk, metadata, tableKey, table, columnSite));
  }
}
