package dev.ormlens.python;

import static dev.ormlens.python.Nodes.field;
import static dev.ormlens.python.Nodes.is;
import static dev.ormlens.python.Nodes.namedChildren;

import dev.ormlens.core.model.AnnotationName;
import dev.ormlens.core.model.ColumnFact;
import dev.ormlens.core.model.ForeignKeyFact;
import dev.ormlens.core.model.ImperativeMappingFact;
import dev.ormlens.core.model.NameRef;
import dev.ormlens.core.model.RelationshipFact;
import dev.ormlens.core.model.SecondaryExpr;
import dev.ormlens.core.model.StringLiteral;
import dev.ormlens.core.model.TableFact;
import dev.ormlens.core.model.TargetExpr;
import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the expressions SQLAlchemy code is made of: names, string literals, relationship and column
 * calls, {@code Table(...)}. Names are qualified through the module's scope.
 */
final class Expressions {
  private static final Set<String> JOIN_KEYWORDS =
      Set.of("primaryjoin", "secondaryjoin", "order_by", "foreign_keys", "remote_side");

  private final ParsedSource src;
  private final ModuleScope scope;
  private final Annotations annotations;

  Expressions(ParsedSource src, ModuleScope scope, boolean futureAnnotations) {
    this.src = src;
    this.scope = scope;
    this.annotations = new Annotations(src, scope, futureAnnotations);
  }

  Annotations annotations() {
    return annotations;
  }

  List<AnnotationName> annotationNames() {
    return annotations.names();
  }

  /** A name or dotted attribute chain; null for anything else. */
  NameRef nameRef(Node node) {
    node = Nodes.unwrap(node);
    if (!is(node, "identifier") && !is(node, "attribute")) {
      return null;
    }
    String written = src.text(node).replaceAll("\\s+", "");
    if (!written.matches("[A-Za-z_][\\w.]*")) {
      return null;
    }
    ModuleScope.Bound bound = scope.qualify(written);
    return new NameRef(written, bound.qualified(), bound.binding(), src.range(node));
  }

  /** A plain string literal (not an f-string, not concatenated); null for anything else. */
  StringLiteral string(Node node) {
    node = Nodes.unwrap(node);
    if (!is(node, "string")) {
      return null;
    }
    Node start = null;
    Node end = null;
    int count = node.getChildCount();
    for (int i = 0; i < count; i++) {
      Node c = node.getChild(i);
      if (is(c, "interpolation")) {
        return null;
      }
      if (is(c, "string_start")) {
        start = c;
      } else if (is(c, "string_end")) {
        end = c;
      }
    }
    if (start == null || end == null || src.text(start).toLowerCase().contains("f")) {
      return null;
    }
    TextRange content = new TextRange(src.end(start), Math.max(src.end(start), src.start(end)));
    return new StringLiteral(
        src.text.substring(content.start(), content.end()), content, src.range(node));
  }

  Node keyword(Node call, String name) {
    for (Node arg : namedChildren(field(call, "arguments"))) {
      if (is(arg, "keyword_argument")) {
        Node key = field(arg, "name");
        if (key != null && name.equals(src.text(key))) {
          return field(arg, "value");
        }
      }
    }
    return null;
  }

  List<Node> positional(Node call) {
    List<Node> out = new ArrayList<>();
    for (Node arg : namedChildren(field(call, "arguments"))) {
      if (!is(arg, "keyword_argument")
          && !is(arg, "comment")
          && !is(arg, "list_splat")
          && !is(arg, "dictionary_splat")) {
        out.add(arg);
      }
    }
    return out;
  }

  Callee callee(Node call) {
    NameRef function = nameRef(field(call, "function"));
    return function == null ? Callee.OTHER : Callee.of(function.qualified());
  }

  private boolean isTrue(Node node) {
    return node != null && is(Nodes.unwrap(node), "true");
  }

  // ---- relationship()

  RelationshipFact relationship(
      String attribute, TextRange attributeRange, Node call, Node annotation, TextRange statement) {
    List<Node> positional = positional(call);
    Node targetNode = !positional.isEmpty() ? positional.get(0) : keyword(call, "argument");
    TargetExpr target = targetNode == null ? null : target(targetNode);
    SecondaryExpr secondary = null;
    Node secondaryNode = keyword(call, "secondary");
    if (secondaryNode == null && positional.size() > 1) {
      secondaryNode = positional.get(1);
    }
    if (secondaryNode != null) {
      secondary = secondary(secondaryNode);
    }
    StringLiteral backref = string(keyword(call, "backref"));
    Node backrefNode = Nodes.unwrap(keyword(call, "backref"));
    if (backref == null && is(backrefNode, "call") && callee(backrefNode) == Callee.BACKREF) {
      List<Node> args = positional(backrefNode);
      backref = args.isEmpty() ? null : string(args.get(0));
    }
    List<RelationshipFact.KeywordString> expressionStrings = new ArrayList<>();
    Set<String> keywords = new HashSet<>();
    boolean unpacked = false;
    // SQLModel passes relationship() arguments through sa_relationship_kwargs={...}.
    Map<String, Node> passed = new LinkedHashMap<>();
    for (Node arg : namedChildren(field(call, "arguments"))) {
      if (is(arg, "list_splat") || is(arg, "dictionary_splat")) {
        unpacked = true;
      } else if (is(arg, "keyword_argument") && field(arg, "name") != null) {
        String key = src.text(field(arg, "name"));
        Node value = field(arg, "value");
        if (key.equals("sa_relationship_kwargs") || key.equals("sa_relationship_args")) {
          Node dict = Nodes.unwrap(value);
          if (!is(dict, "dictionary")) {
            unpacked = true;
            continue;
          }
          for (Node pair : namedChildren(dict)) {
            StringLiteral k = is(pair, "pair") ? string(field(pair, "key")) : null;
            if (k == null) {
              unpacked = true; // **other or a computed key
            } else {
              passed.putIfAbsent(k.value(), field(pair, "value"));
            }
          }
          continue;
        }
        passed.put(key, value);
      }
    }
    for (Map.Entry<String, Node> e : passed.entrySet()) {
      keywords.add(e.getKey());
      StringLiteral value = string(e.getValue());
      if (value != null && JOIN_KEYWORDS.contains(e.getKey())) {
        expressionStrings.add(new RelationshipFact.KeywordString(e.getKey(), value));
      }
    }
    return new RelationshipFact(
        attribute,
        attributeRange,
        src.range(call),
        statement,
        target,
        annotation == null ? null : annotations.relationshipTarget(annotation),
        secondary,
        string(passed.get("back_populates")),
        backref,
        string(passed.get("overlaps")),
        isTrue(passed.get("viewonly")),
        List.copyOf(expressionStrings),
        nameRef(keyword(call, "link_model")),
        Set.copyOf(keywords),
        unpacked,
        false);
  }

  /**
   * Names local to the function being read (a {@code declared_attr}'s {@code cls}): a target such
   * as {@code cls.review_class} is computed per subclass, not a module name.
   */
  private Set<String> locals = Set.of();

  void setLocals(Set<String> names) {
    locals = Set.copyOf(names);
  }

  TargetExpr target(Node node) {
    Node n = Nodes.unwrap(node);
    StringLiteral literal = string(n);
    if (literal != null) {
      return new TargetExpr.Text(literal);
    }
    NameRef name = nameRef(n);
    if (name != null && !locals.isEmpty() && locals.contains(name.written().split("\\.")[0])) {
      return new TargetExpr.Opaque(src.text(n), src.range(n));
    }
    if (name != null) {
      return new TargetExpr.Name(name);
    }
    if (is(n, "lambda")) {
      NameRef body = nameRef(field(n, "body"));
      if (body != null) {
        return new TargetExpr.Lambda(body, src.range(n));
      }
    }
    return new TargetExpr.Opaque(src.text(n), src.range(n));
  }

  SecondaryExpr secondary(Node node) {
    Node n = Nodes.unwrap(node);
    StringLiteral literal = string(n);
    if (literal != null) {
      return new SecondaryExpr.Text(literal);
    }
    if (is(n, "attribute")) {
      Node attribute = field(n, "attribute");
      if (attribute != null && "__table__".equals(src.text(attribute))) {
        NameRef owner = nameRef(field(n, "object"));
        if (owner != null) {
          return new SecondaryExpr.TableOf(owner, src.range(n));
        }
      }
    }
    NameRef name = nameRef(n);
    if (name != null) {
      return new SecondaryExpr.Name(name);
    }
    if (is(n, "lambda")) {
      Node body = field(n, "body");
      if (body != null) {
        return new SecondaryExpr.Lambda(secondary(body), src.range(n));
      }
    }
    if (is(n, "call")) {
      NameRef function = nameRef(field(n, "function"));
      if (function != null) {
        List<NameRef> args = new ArrayList<>();
        for (Node arg : positional(n)) {
          NameRef a = nameRef(arg);
          if (a != null) {
            args.add(a);
          }
        }
        return new SecondaryExpr.Call(function, List.copyOf(args), src.range(n));
      }
    }
    return new SecondaryExpr.Opaque(src.text(n), src.range(n));
  }

  // ---- columns and foreign keys

  ColumnFact column(
      String attribute, TextRange attributeRange, Node call, Callee kind, Node annotation) {
    String name = attribute;
    TextRange nameRange = attributeRange;
    List<ForeignKeyFact> foreignKeys = new ArrayList<>();
    String type = annotation == null ? null : annotations.innerText(annotation);
    if (call != null) {
      for (Node arg : positional(call)) {
        Node a = Nodes.unwrap(arg);
        StringLiteral literal = string(a);
        if (literal != null && name == attribute && foreignKeys.isEmpty()) {
          name = literal.value();
          nameRange = literal.contentRange();
        } else if (is(a, "call") && callee(a) == Callee.FOREIGN_KEY) {
          ForeignKeyFact fk = foreignKey(a);
          if (fk != null) {
            foreignKeys.add(fk);
          }
        } else if (literal == null) {
          type = src.text(a);
        }
      }
      if (kind == Callee.FIELD) {
        StringLiteral fk = string(keyword(call, "foreign_key"));
        if (fk != null) {
          foreignKeys.add(new ForeignKeyFact(fk, null, fk.literalRange()));
        }
      }
    }
    boolean primaryKey = call != null && isTrue(keyword(call, "primary_key"));
    return new ColumnFact(
        attribute, attributeRange, name, nameRange, List.copyOf(foreignKeys), primaryKey, type);
  }

  ForeignKeyFact foreignKey(Node call) {
    List<Node> args = positional(call);
    if (args.isEmpty()) {
      return null;
    }
    StringLiteral target = string(args.get(0));
    NameRef expression = target == null ? nameRef(args.get(0)) : null;
    return new ForeignKeyFact(target, expression, src.range(call));
  }

  // ---- Table(...)

  TableFact table(
      String variable, TextRange variableRange, Node call, NameRef callee, TextRange range) {
    List<Node> args = positional(call);
    if (args.isEmpty()) {
      return null;
    }
    StringLiteral name = string(args.get(0));
    if (name == null) {
      return null;
    }
    NameRef metadata = args.size() > 1 ? nameRef(args.get(1)) : null;
    if (metadata == null && callee.written().contains(".")) {
      // Flask-SQLAlchemy's db.Table("name", db.Column(...)) uses db's metadata.
      String receiver = callee.written().substring(0, callee.written().lastIndexOf('.'));
      ModuleScope.Bound bound = scope.qualify(receiver);
      metadata = new NameRef(receiver, bound.qualified(), bound.binding(), callee.range());
    }
    List<ColumnFact> columns = new ArrayList<>();
    for (Node arg : args) {
      Node a = Nodes.unwrap(arg);
      if (is(a, "call")) {
        Callee kind = callee(a);
        if (kind == Callee.COLUMN || kind == Callee.MAPPED_COLUMN) {
          columns.add(column(null, null, a, kind, null));
        }
      }
    }
    StringLiteral schema = string(keyword(call, "schema"));
    return new TableFact(
        variable,
        variableRange,
        name,
        metadata,
        schema == null ? null : schema.value(),
        isTrue(keyword(call, "extend_existing")) || isTrue(keyword(call, "keep_existing")),
        List.copyOf(columns),
        range);
  }

  // ---- registry.map_imperatively(Cls, table, properties={...})

  ImperativeMappingFact imperativeMapping(Node call, TextRange range) {
    List<Node> args = positional(call);
    NameRef registry = nameRef(field(field(call, "function"), "object"));
    if (args.isEmpty()) {
      return null;
    }
    NameRef mappedClass = nameRef(args.get(0));
    NameRef table = args.size() > 1 ? nameRef(args.get(1)) : nameRef(keyword(call, "local_table"));
    if (mappedClass == null) {
      return null;
    }
    List<RelationshipFact> relationships = new ArrayList<>();
    Node properties = Nodes.unwrap(keyword(call, "properties"));
    boolean known = properties == null;
    if (is(properties, "dictionary")) {
      known = true;
      for (Node pair : namedChildren(properties)) {
        if (is(pair, "dictionary_splat")) {
          known = false;
        }
        if (!is(pair, "pair")) {
          continue;
        }
        StringLiteral key = string(field(pair, "key"));
        known &= key != null;
        Node value = Nodes.unwrap(field(pair, "value"));
        if (key != null && is(value, "call") && callee(value) == Callee.RELATIONSHIP) {
          relationships.add(
              relationship(key.value(), key.contentRange(), value, null, src.range(pair)));
        }
      }
    } else if (is(properties, "call") && "dict".equals(src.text(field(properties, "function")))) {
      // properties=dict(tags=relationship(...), ...)
      known = positional(properties).isEmpty();
      for (Node arg : namedChildren(field(properties, "arguments"))) {
        if (is(arg, "dictionary_splat")) {
          known = false;
        }
        Node key = is(arg, "keyword_argument") ? field(arg, "name") : null;
        Node value = key == null ? null : Nodes.unwrap(field(arg, "value"));
        if (key != null && is(value, "call") && callee(value) == Callee.RELATIONSHIP) {
          relationships.add(
              relationship(src.text(key), src.range(key), value, null, src.range(arg)));
        }
      }
    }
    return new ImperativeMappingFact(
        registry, mappedClass, table, List.copyOf(relationships), known, range);
  }
}
