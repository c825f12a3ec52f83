package dev.ormlens.python;

import static dev.ormlens.python.Nodes.field;
import static dev.ormlens.python.Nodes.is;
import static dev.ormlens.python.Nodes.namedChildren;

import dev.ormlens.core.model.Binding;
import dev.ormlens.core.model.ClassFact;
import dev.ormlens.core.model.ColumnFact;
import dev.ormlens.core.model.NameRef;
import dev.ormlens.core.model.RelationshipFact;
import dev.ormlens.core.model.StringLiteral;
import dev.ormlens.core.model.TableFact;
import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a class statement: bases, decorators, the table it maps to, its columns and relationships
 * (including those a {@code @declared_attr} function returns).
 */
final class ClassExtractor {
  private static final String UNKNOWN_SCHEMA = "\0?";

  private final ParsedSource src;
  private final Expressions expressions;
  private final String module;

  ClassExtractor(ParsedSource src, Expressions expressions, String module) {
    this.src = src;
    this.expressions = expressions;
    this.module = module;
  }

  ClassFact extract(Node node, List<Node> decoratorNodes) {
    Node nameNode = field(node, "name");
    Node body = field(node, "body");
    if (nameNode == null) {
      return null;
    }
    String className = src.text(nameNode);
    List<NameRef> bases = new ArrayList<>();
    Map<String, String> keywords = new LinkedHashMap<>();
    for (Node arg : namedChildren(field(node, "superclasses"))) {
      if (is(arg, "keyword_argument")) {
        Node key = field(arg, "name");
        Node value = field(arg, "value");
        if (key != null && value != null) {
          keywords.put(src.text(key), src.text(value));
        }
      } else {
        NameRef base = expressions.nameRef(arg);
        if (base != null) {
          bases.add(base);
        }
      }
    }
    List<NameRef> decorators = new ArrayList<>();
    for (Node d : decoratorNodes) {
      Node expr = d.getNamedChildCount() > 0 ? d.getNamedChild(0) : null;
      NameRef ref = expressions.nameRef(is(expr, "call") ? field(expr, "function") : expr);
      if (ref != null) {
        decorators.add(ref);
      }
    }
    Body b = new Body(className);
    for (Node statement : namedChildren(body)) {
      b.read(statement);
    }
    TextRange range =
        new TextRange(
            decoratorNodes.isEmpty() ? src.start(node) : src.start(decoratorNodes.get(0)),
            src.end(node));
    return new ClassFact(
        className,
        src.range(nameNode),
        range,
        List.copyOf(bases),
        Map.copyOf(keywords),
        List.copyOf(decorators),
        b.tableName,
        b.schema,
        b.dynamicTableName,
        b.table,
        b.tableVariable,
        b.metadata,
        b.isAbstract,
        List.copyOf(b.columns),
        List.copyOf(b.relationships),
        List.copyOf(b.attributes));
  }

  /** Accumulates what one class body says. */
  private final class Body {
    final String className;
    StringLiteral tableName;
    String schema;
    boolean dynamicTableName;
    TableFact table;
    NameRef tableVariable;
    NameRef metadata;
    boolean isAbstract;
    final List<ColumnFact> columns = new ArrayList<>();
    final List<RelationshipFact> relationships = new ArrayList<>();
    final List<ClassFact.Attribute> attributes = new ArrayList<>();

    Body(String className) {
      this.className = className;
    }

    void read(Node statement) {
      if (is(statement, "expression_statement") && statement.getNamedChildCount() > 0) {
        Node expr = statement.getNamedChild(0);
        if (is(expr, "assignment")) {
          assignment(expr, src.range(statement));
        }
      } else if (is(statement, "decorated_definition")) {
        declaredAttr(statement);
      }
    }

    private void assignment(Node assignment, TextRange statementRange) {
      Node left = field(assignment, "left");
      if (!is(left, "identifier")) {
        return;
      }
      String name = src.text(left);
      TextRange nameRange = src.range(left);
      Node annotation = field(assignment, "type");
      Node right = Nodes.unwrap(field(assignment, "right"));
      attributes.add(new ClassFact.Attribute(name, nameRange));
      if (annotation != null) {
        expressions.annotations().recordNames(annotation);
      }
      switch (name) {
        case "__tablename__" -> {
          tableName = expressions.string(right);
          dynamicTableName = tableName == null;
          return;
        }
        case "__table_args__" -> {
          schema = tableArgsSchema(right);
          // A schema we cannot read makes the table's key unknown, like a computed name.
          dynamicTableName |= UNKNOWN_SCHEMA.equals(schema);
          schema = UNKNOWN_SCHEMA.equals(schema) ? null : schema;
          return;
        }
        case "__abstract__" -> {
          isAbstract = is(right, "true");
          return;
        }
        case "__table__" -> {
          if (is(right, "call") && expressions.callee(right) == Callee.TABLE) {
            table =
                expressions.table(
                    null,
                    null,
                    right,
                    expressions.nameRef(field(right, "function")),
                    statementRange);
          } else {
            tableVariable = expressions.nameRef(right);
          }
          return;
        }
        case "metadata" -> {
          metadata =
              is(right, "call")
                  ? new NameRef(name, qualifiedMember("metadata"), Binding.DEFINED_HERE, nameRange)
                  : expressions.nameRef(right);
          return;
        }
        default -> {}
      }
      if (is(right, "call")) {
        Callee callee = expressions.callee(right);
        switch (callee) {
          case RELATIONSHIP ->
              relationships.add(
                  expressions.relationship(name, nameRange, right, annotation, statementRange));
          case MAPPED_COLUMN, COLUMN, FIELD ->
              columns.add(expressions.column(name, nameRange, right, callee, annotation));
          default -> {}
        }
      } else if (right == null && annotation != null && !name.startsWith("__")) {
        // `name: Mapped[str]` (or SQLModel's `name: str`) maps a column with no call.
        columns.add(expressions.column(name, nameRange, null, Callee.OTHER, annotation));
      }
    }

    /** {@code @declared_attr def parent(cls) -> Mapped["Parent"]: return relationship(...)}. */
    private void declaredAttr(Node decorated) {
      Node function = field(decorated, "definition");
      if (!is(function, "function_definition")) {
        return;
      }
      boolean isDeclaredAttr = false;
      for (Node d : namedChildren(decorated)) {
        if (is(d, "decorator") && src.text(d).contains("declared_attr")) {
          isDeclaredAttr = true;
        }
      }
      Node nameNode = field(function, "name");
      if (!isDeclaredAttr || nameNode == null) {
        return;
      }
      String name = src.text(nameNode);
      TextRange nameRange = src.range(nameNode);
      attributes.add(new ClassFact.Attribute(name, nameRange));
      if (name.equals("__tablename__") || name.equals("__table_args__")) {
        dynamicTableName = true;
        return;
      }
      Node annotation = field(function, "return_type");
      for (Node statement : namedChildren(field(function, "body"))) {
        if (is(statement, "return_statement") && statement.getNamedChildCount() > 0) {
          Node value = Nodes.unwrap(statement.getNamedChild(0));
          if (!is(value, "call")) {
            continue;
          }
          Callee callee = expressions.callee(value);
          if (callee == Callee.RELATIONSHIP) {
            relationships.add(
                expressions.relationship(name, nameRange, value, annotation, src.range(decorated)));
          } else if (callee == Callee.MAPPED_COLUMN || callee == Callee.COLUMN) {
            columns.add(expressions.column(name, nameRange, value, callee, annotation));
          }
        }
      }
    }

    /** {@code {"schema": "x"}}, or a tuple whose last element is such a dict. */
    private String tableArgsSchema(Node right) {
      Node dict = right;
      if (is(right, "tuple")) {
        List<Node> items = namedChildren(right);
        dict = items.isEmpty() ? null : Nodes.unwrap(items.get(items.size() - 1));
      }
      if (!is(dict, "dictionary")) {
        return null;
      }
      for (Node pair : namedChildren(dict)) {
        StringLiteral key = is(pair, "pair") ? expressions.string(field(pair, "key")) : null;
        if (key != null && key.value().equals("schema")) {
          StringLiteral value = expressions.string(field(pair, "value"));
          return value == null ? UNKNOWN_SCHEMA : value.value();
        }
      }
      return null;
    }

    private String qualifiedMember(String member) {
      return (module.isEmpty() ? "" : module + ".") + className + "." + member;
    }
  }
}
