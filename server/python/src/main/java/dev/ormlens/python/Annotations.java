package dev.ormlens.python;

import static dev.ormlens.python.Nodes.field;
import static dev.ormlens.python.Nodes.is;
import static dev.ormlens.python.Nodes.namedChildren;

import dev.ormlens.core.model.AnnotationFact;
import dev.ormlens.core.model.AnnotationName;
import dev.ormlens.core.model.Binding;
import dev.ormlens.core.model.NameRef;
import dev.ormlens.core.text.TextRange;
import dev.ormlens.core.text.WordList;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads annotations: the class a {@code Mapped[...]} relationship annotation names, and every name
 * an annotation uses (for the undefined-name check).
 */
final class Annotations {
  private static final Set<String> COLLECTIONS =
      Set.of(
          "list",
          "List",
          "set",
          "Set",
          "Sequence",
          "MutableSequence",
          "Collection",
          "Iterable",
          "frozenset",
          "FrozenSet",
          "AbstractSet",
          "MutableSet",
          "dict",
          "Dict",
          "Mapping",
          "MutableMapping",
          "tuple",
          "Tuple");
  private static final Set<String> OPTIONAL_WRAPPERS = Set.of("Optional");
  private static final Set<String> MAPPED =
      Set.of("Mapped", "WriteOnlyMapped", "DynamicMapped", "relationship");

  /** Python's builtins: an annotation may name them without an import. */
  private static final Set<String> BUILTINS = WordList.load(Annotations.class, "builtin-names.txt");

  /** Type constructors whose parameters after the first are values, not types. */
  private static final Set<String> METADATA_AFTER_FIRST = Set.of("Annotated");

  /** Type constructors whose parameters are all values ({@code Literal["a", "b"]}). */
  private static final Set<String> VALUES_ONLY = Set.of("Literal");

  /**
   * What a string holding a type looks like: names, dots, brackets, commas, {@code |} and spaces.
   * Anything else (a description, a regular expression, a sentence) is a value, not a forward
   * reference.
   */
  private static final Pattern TYPE_STRING = Pattern.compile("[\\w.\\[\\],| ]*");

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][\\w.]*");

  private final ParsedSource src;
  private final ModuleScope scope;
  private final boolean futureAnnotations;
  private final List<AnnotationName> names = new ArrayList<>();

  Annotations(ParsedSource src, ModuleScope scope, boolean futureAnnotations) {
    this.src = src;
    this.scope = scope;
    this.futureAnnotations = futureAnnotations;
  }

  List<AnnotationName> names() {
    return List.copyOf(names);
  }

  /** Records every name an annotation uses; call once per annotation. */
  void recordNames(Node annotation) {
    collectNames(annotation, futureAnnotations);
  }

  /**
   * Collects the names an annotation evaluates as types. Values inside it are left out: the
   * arguments of {@code Literal[...]}, the metadata of {@code Annotated[T, ...]}, keyword names and
   * lambda parameters in calls, and strings that are not type expressions.
   */
  private void collectNames(Node node, boolean lazy) {
    if (node == null || is(node, "lambda") || is(node, "keyword_argument")) {
      return;
    }
    if (is(node, "identifier")) {
      String head = src.text(node).strip();
      if (!BUILTINS.contains(head)) {
        int start = src.start(node);
        addName(head, new TextRange(start, start + head.length()), lazy);
      }
      return;
    }
    if (is(node, "attribute")) {
      // Only the object is looked up: in `sa.types.JSON` that is `sa`, in `f(x).y` it is `f(x)`.
      collectNames(field(node, "object"), lazy);
      return;
    }
    if (is(node, "string")) {
      collectStringNames(node);
      return;
    }
    List<Node> parts = headAndParameters(node);
    if (parts != null) {
      collectNames(parts.get(0), lazy);
      String head = lastPart(src.text(parts.get(0)));
      if (VALUES_ONLY.contains(head)) {
        return;
      }
      int last = METADATA_AFTER_FIRST.contains(head) ? Math.min(2, parts.size()) : parts.size();
      for (Node p : parts.subList(1, last)) {
        collectNames(p, lazy);
      }
      return;
    }
    for (Node child : namedChildren(node)) {
      collectNames(child, lazy);
    }
  }

  /** A string in an annotation is a forward reference only when it reads like a type. */
  private void collectStringNames(Node string) {
    Node content = null;
    for (Node c : namedChildren(string)) {
      if (is(c, "string_content")) {
        content = c;
      }
    }
    if (content == null || !TYPE_STRING.matcher(src.text(content)).matches()) {
      return;
    }
    String text = src.text(content);
    if (text.contains("Literal[") || text.contains("Annotated[")) {
      return; // Values inside a quoted Literal or Annotated: too rare to be worth parsing.
    }
    Matcher m = IDENTIFIER.matcher(text);
    int base = src.start(content);
    while (m.find()) {
      String head = m.group().split("\\.")[0];
      if (!BUILTINS.contains(head) && !Character.isDigit(head.charAt(0))) {
        addName(head, new TextRange(base + m.start(), base + m.start() + head.length()), true);
      }
    }
  }

  /** Names a generic class's type parameters bind ({@code class Box[T]:}), while it is read. */
  private Set<String> typeParameters = Set.of();

  void setTypeParameters(Set<String> names) {
    typeParameters = Set.copyOf(names);
  }

  private void addName(String head, TextRange range, boolean lazy) {
    if (typeParameters.contains(head)) {
      return;
    }
    ModuleScope.Bound bound = scope.qualify(head);
    names.add(
        new AnnotationName(new NameRef(head, bound.qualified(), bound.binding(), range), lazy));
  }

  /** The annotation's text inside {@code Mapped[...]}, for column types. */
  String innerText(Node annotation) {
    Node node = Nodes.unwrap(annotation);
    List<Node> parts = headAndParameters(node);
    if (parts != null && MAPPED.contains(lastPart(src.text(parts.get(0)))) && parts.size() > 1) {
      return src.text(parts.get(1));
    }
    return src.text(node);
  }

  /** The class a relationship annotation names, or null when it names none we can read. */
  AnnotationFact relationshipTarget(Node annotation) {
    Node node = Nodes.unwrap(annotation);
    boolean mapped = false;
    List<Node> parts = headAndParameters(node);
    if (parts != null && MAPPED.contains(lastPart(src.text(parts.get(0))))) {
      if (parts.size() < 2) {
        return null;
      }
      mapped = true;
      node = Nodes.unwrap(parts.get(1));
    } else if (is(node, "string")) {
      return fromString(annotation, node, false, false, false);
    }
    return unwrapTarget(annotation, node, mapped, false, false);
  }

  private AnnotationFact unwrapTarget(
      Node whole, Node node, boolean mapped, boolean collection, boolean optional) {
    node = Nodes.unwrap(node);
    if (node == null) {
      return null;
    }
    if (is(node, "string")) {
      return fromString(whole, node, mapped, collection, optional);
    }
    if (is(node, "identifier") || is(node, "attribute")) {
      String written = src.text(node).replaceAll("\\s+", "");
      ModuleScope.Bound bound = scope.qualify(written);
      return new AnnotationFact(
          src.range(whole),
          new NameRef(written, bound.qualified(), bound.binding(), src.range(node)),
          collection,
          optional,
          futureAnnotations,
          mapped);
    }
    if (is(node, "binary_operator")) {
      // Child | None
      for (Node side : List.of(field(node, "left"), field(node, "right"))) {
        if (side != null && !is(Nodes.unwrap(side), "none")) {
          return unwrapTarget(whole, side, mapped, collection, true);
        }
      }
      return null;
    }
    List<Node> parts = headAndParameters(node);
    if (parts == null || parts.size() < 2) {
      return null;
    }
    String head = lastPart(src.text(parts.get(0)));
    if (COLLECTIONS.contains(head)) {
      return unwrapTarget(whole, parts.get(parts.size() - 1), mapped, true, optional);
    }
    if (OPTIONAL_WRAPPERS.contains(head)) {
      return unwrapTarget(whole, parts.get(1), mapped, collection, true);
    }
    if (head.equals("Union")) {
      for (Node p : parts.subList(1, parts.size())) {
        if (!is(Nodes.unwrap(p), "none")) {
          return unwrapTarget(whole, p, mapped, collection, true);
        }
      }
    }
    return null;
  }

  /** {@code "Child"}, {@code "Child | None"}, {@code "list[Child]"} inside one string. */
  private AnnotationFact fromString(
      Node whole, Node string, boolean mapped, boolean collection, boolean optional) {
    Node content = null;
    for (Node c : namedChildren(string)) {
      if (is(c, "string_content")) {
        content = c;
      }
    }
    if (content == null) {
      return null;
    }
    String text = src.text(content);
    int base = src.start(content);
    Matcher m = IDENTIFIER.matcher(text);
    String chosen = null;
    int at = -1;
    while (m.find()) {
      String word = m.group();
      String last = lastPart(word);
      if (COLLECTIONS.contains(last)) {
        collection = true;
      } else if (OPTIONAL_WRAPPERS.contains(last) || last.equals("None") || last.equals("Union")) {
        optional = optional || !last.equals("Union");
      } else if (!MAPPED.contains(last) && chosen == null) {
        chosen = word;
        at = m.start();
      }
    }
    if (chosen == null) {
      return null;
    }
    TextRange range = new TextRange(base + at, base + at + chosen.length());
    ModuleScope.Bound bound = scope.qualify(chosen);
    Binding binding = bound.binding();
    return new AnnotationFact(
        src.range(whole),
        new NameRef(chosen, bound.qualified(), binding, range),
        collection,
        optional,
        true,
        mapped);
  }

  /** For {@code X[a, b]} (a generic type or a subscript): X then a, b. Null for other nodes. */
  private List<Node> headAndParameters(Node node) {
    if (is(node, "generic_type")) {
      List<Node> out = new ArrayList<>();
      for (Node c : namedChildren(node)) {
        if (is(c, "type_parameter")) {
          out.addAll(namedChildren(c));
        } else {
          out.add(c);
        }
      }
      return out.isEmpty() ? null : out;
    }
    if (is(node, "subscript")) {
      List<Node> out = new ArrayList<>();
      Node value = field(node, "value");
      if (value == null) {
        return null;
      }
      out.add(value);
      out.addAll(Nodes.fieldChildren(node, "subscript"));
      return out;
    }
    return null;
  }

  private static String lastPart(String dotted) {
    String s = dotted.strip();
    return s.substring(s.lastIndexOf('.') + 1);
  }
}
