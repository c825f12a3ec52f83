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
import java.util.Set;

/**
 * Reads a class statement: bases, decorators, the table it maps to, its columns and relationships
 * (including those a {@code @declared_attr} function returns).
 */
final class ClassExtractor {
  private static final String UNKNOWN_SCHEMA = "\0?";

  /** Table arguments read, and they name no schema. */
  private static final String NO_SCHEMA = "\0-";

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
    // PEP 695: `class Box[T]:` binds T for the annotations of its body.
    Set<String> typeParameters = new java.util.HashSet<>();
    for (Node p : namedChildren(field(node, "type_parameters"))) {
      Node id = p;
      for (int depth = 0; id != null && !is(id, "identifier") && depth < 4; depth++) {
        id = id.getNamedChildCount() > 0 ? id.getNamedChild(0) : null;
      }
      if (id != null) {
        typeParameters.add(src.text(id));
      }
    }
    expressions.annotations().setTypeParameters(typeParameters);
    try {
      for (Node statement : namedChildren(body)) {
        b.read(statement);
      }
    } finally {
      expressions.annotations().setTypeParameters(Set.of());
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
        b.extendExisting,
        b.dynamicTableName,
        b.opaqueColumns,
        b.table,
        b.tableVariable,
        b.metadata,
        b.registry,
        b.isAbstract,
        List.copyOf(b.columns),
        List.copyOf(b.relationships),
        List.copyOf(b.attributes));
  }

  /**
   * Callables whose result, assigned in a class body, adds no column to the table: SQLAlchemy's
   * non-column properties and constructs, and Python's own.
   */
  private static final Set<String> ADDS_NO_COLUMN =
      Set.of(
          "synonym",
          "column_property",
          "query_expression",
          "association_proxy",
          "AssociationProxy",
          "hybrid_property",
          "hybrid_method",
          "composite",
          "dynamic_loader",
          "comparable_property",
          "deferred",
          "undefer",
          "Index",
          "UniqueConstraint",
          "CheckConstraint",
          "PrimaryKeyConstraint",
          "ForeignKeyConstraint",
          "Sequence",
          "property",
          "cached_property",
          "classmethod",
          "staticmethod",
          "validates",
          "select",
          "dict",
          "list",
          "set",
          "tuple",
          "frozenset",
          "str",
          "int",
          "float",
          "bool",
          "object",
          "compile",
          "getLogger",
          "TypeVar",
          "namedtuple",
          "Enum",
          "ClassVar",
          "field",
          "ConfigDict",
          "SettingsConfigDict",
          "PrivateAttr",
          "Relationship");

  /** Accumulates what one class body says. */
  private final class Body {
    final String className;
    StringLiteral tableName;
    String schema;
    boolean dynamicTableName;
    boolean extendExisting;
    boolean opaqueColumns;
    TableFact table;
    NameRef tableVariable;
    NameRef metadata;
    NameRef registry;
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
      attributes.add(new ClassFact.Attribute(name, nameRange, right == null));
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
          extendExisting = tableArgsExtendExisting(right);
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
        case "registry" -> {
          registry = is(right, "call") ? null : expressions.nameRef(right);
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
          case RELATIONSHIP -> {
            // A name bound earlier in the class body (`owner_class = manager.user_model`) is
            // the class's own, computed at import: not a module name that could be undefined.
            Set<String> bodyNames = new java.util.HashSet<>();
            attributes.forEach(a -> bodyNames.add(a.name()));
            bodyNames.remove(name);
            expressions.setLocals(bodyNames);
            try {
              relationships.add(
                  expressions.relationship(name, nameRange, right, annotation, statementRange));
            } finally {
              expressions.setLocals(Set.of());
            }
          }
          case MAPPED_COLUMN, COLUMN, FIELD ->
              columns.add(expressions.column(name, nameRange, right, callee, annotation));
          case OTHER -> wrappedOrOpaque(name, nameRange, right, annotation);
          default -> {}
        }
      } else if (right == null && annotation != null && !name.startsWith("__")) {
        // `name: Mapped[str]` (or SQLModel's `name: str`) maps a column with no call.
        columns.add(expressions.column(name, nameRange, null, Callee.OTHER, annotation));
      }
    }

    /**
     * {@code deferred(Column(...))}, {@code column_property(mapped_column(...))}: the column inside
     * is the table's. Any other call we do not know may return a column (a project's own helper),
     * so the class's columns are then not all known; only callables known to add no column are
     * ignored.
     */
    private void wrappedOrOpaque(String name, TextRange nameRange, Node call, Node annotation) {
      List<Node> args = expressions.positional(call);
      Node first = args.isEmpty() ? null : Nodes.unwrap(args.get(0));
      if (is(first, "call")) {
        Callee inner = expressions.callee(first);
        if (inner == Callee.COLUMN || inner == Callee.MAPPED_COLUMN) {
          columns.add(expressions.column(name, nameRange, first, inner, annotation));
          return;
        }
      }
      NameRef function = expressions.nameRef(field(call, "function"));
      String last = function == null ? "" : function.written();
      last = last.substring(last.lastIndexOf('.') + 1);
      if (!ADDS_NO_COLUMN.contains(last)) {
        opaqueColumns = true;
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
      attributes.add(new ClassFact.Attribute(name, nameRange, false));
      if (name.equals("__table_args__")) {
        Node returned = returnedValue(field(function, "body"));
        String returnedSchema = returnedSchema(returned);
        if (returnedSchema != null && !UNKNOWN_SCHEMA.equals(returnedSchema)) {
          schema = NO_SCHEMA.equals(returnedSchema) ? null : returnedSchema;
          extendExisting |= tableArgsExtendExisting(returned);
        } else {
          dynamicTableName = true;
        }
        return;
      }
      if (name.equals("__tablename__")) {
        dynamicTableName = true;
        return;
      }
      Node annotation = field(function, "return_type");
      Set<String> parameters = new java.util.HashSet<>();
      for (Node p : namedChildren(field(function, "parameters"))) {
        Node id = is(p, "identifier") ? p : field(p, "name");
        if (id != null && is(id, "identifier")) {
          parameters.add(src.text(id));
        }
      }
      expressions.setLocals(parameters);
      try {
        readDeclaredAttrBody(function, name, nameRange, annotation, decorated);
      } finally {
        expressions.setLocals(Set.of());
      }
    }

    private void readDeclaredAttrBody(
        Node function, String name, TextRange nameRange, Node annotation, Node decorated) {
      boolean guarded = false;
      for (Node statement : namedChildren(field(function, "body"))) {
        if (is(statement, "if_statement")) {
          guarded |= readConditionalReturn(statement, name, nameRange, annotation, decorated);
        }
        if (is(statement, "return_statement") && statement.getNamedChildCount() > 0) {
          Node value = Nodes.unwrap(statement.getNamedChild(0));
          if (!is(value, "call")) {
            continue;
          }
          Callee callee = expressions.callee(value);
          if (callee == Callee.RELATIONSHIP) {
            RelationshipFact r =
                expressions.relationship(name, nameRange, value, annotation, src.range(decorated));
            relationships.add(guarded ? r.asConditional() : r);
          } else if (callee == Callee.MAPPED_COLUMN || callee == Callee.COLUMN) {
            columns.add(expressions.column(name, nameRange, value, callee, annotation));
          }
        }
      }
    }

    /**
     * An {@code if} in a {@code declared_attr} body (indico's mixins): {@code if LinkType.event in
     * cls.allowed_link_types: return db.Column(ForeignKey(...))}, or a guard {@code if not
     * cls.allow_networks: return} before the real return. A column some subclasses get is still a
     * column of the tables they map, so its foreign key navigates; a relationship returned under a
     * condition is read as conditional (it navigates, no check relies on it). True when a branch
     * returns, so that what the body returns after it is conditional too.
     */
    private boolean readConditionalReturn(
        Node ifStatement, String name, TextRange nameRange, Node annotation, Node decorated) {
      List<Node> blocks = new ArrayList<>();
      blocks.add(field(ifStatement, "consequence"));
      for (Node clause : namedChildren(ifStatement)) {
        if (is(clause, "elif_clause") || is(clause, "else_clause")) {
          blocks.add(
              is(clause, "elif_clause") ? field(clause, "consequence") : field(clause, "body"));
        }
      }
      boolean returns = false;
      boolean read = false;
      for (Node block : blocks) {
        for (Node statement : namedChildren(block)) {
          if (!is(statement, "return_statement")) {
            continue;
          }
          returns = true;
          Node value =
              statement.getNamedChildCount() > 0 ? Nodes.unwrap(statement.getNamedChild(0)) : null;
          Callee callee = is(value, "call") ? expressions.callee(value) : null;
          if (read || callee == null) {
            continue;
          }
          if (callee == Callee.MAPPED_COLUMN || callee == Callee.COLUMN) {
            columns.add(expressions.column(name, nameRange, value, callee, annotation));
            read = true;
          } else if (callee == Callee.RELATIONSHIP) {
            relationships.add(
                expressions
                    .relationship(name, nameRange, value, annotation, src.range(decorated))
                    .asConditional());
            read = true;
          }
        }
      }
      return returns;
    }

    /**
     * The options of {@code __table_args__}: the entries of a literal dict, alone or ending a
     * tuple, by key; null when the value is not such a literal.
     */
    private Map<String, Node> tableArgsOptions(Node right) {
      Node dict = right;
      if (is(right, "tuple")) {
        List<Node> items = namedChildren(right);
        dict = items.isEmpty() ? null : Nodes.unwrap(items.get(items.size() - 1));
      }
      if (!is(dict, "dictionary")) {
        return is(right, "tuple") ? Map.of() : null;
      }
      Map<String, Node> options = new LinkedHashMap<>();
      for (Node pair : namedChildren(dict)) {
        StringLiteral key = is(pair, "pair") ? expressions.string(field(pair, "key")) : null;
        if (key != null) {
          options.put(key.value(), field(pair, "value"));
        }
      }
      return options;
    }

    /** {@code {"schema": "x"}}, or a tuple whose last element is such a dict. */
    private String tableArgsSchema(Node right) {
      Map<String, Node> options = tableArgsOptions(right);
      Node value = options == null ? null : options.get("schema");
      if (value == null) {
        return null;
      }
      StringLiteral schema = expressions.string(value);
      return schema == null ? UNKNOWN_SCHEMA : schema.value();
    }

    /** {@code "extend_existing": True} or {@code "keep_existing": True} among the options. */
    private boolean tableArgsExtendExisting(Node right) {
      Map<String, Node> options = tableArgsOptions(right);
      return options != null
          && (isTrue(options.get("extend_existing")) || isTrue(options.get("keep_existing")));
    }

    private static boolean isTrue(Node value) {
      return value != null && is(Nodes.unwrap(value), "true");
    }

    /**
     * The schema a {@code @declared_attr __table_args__} returns: a literal dict (or a tuple ending
     * with one), or a helper called with {@code schema="x"} ({@code auto_table_args(cls,
     * schema="events")}). {@link #NO_SCHEMA} for literals without one; null when it returns nothing
     * we can read.
     */
    private String returnedSchema(Node value) {
      if (is(value, "call")) {
        StringLiteral s = expressions.string(expressions.keyword(value, "schema"));
        return s == null ? null : s.value();
      }
      if (tableArgsOptions(value) == null) {
        return null;
      }
      String s = tableArgsSchema(value);
      return s == null ? NO_SCHEMA : s;
    }

    /** The value of a function body's first {@code return}, or null. */
    private Node returnedValue(Node body) {
      for (Node statement : namedChildren(body)) {
        if (is(statement, "return_statement") && statement.getNamedChildCount() > 0) {
          return Nodes.unwrap(statement.getNamedChild(0));
        }
      }
      return null;
    }

    private String qualifiedMember(String member) {
      return (module.isEmpty() ? "" : module + ".") + className + "." + member;
    }
  }
}
