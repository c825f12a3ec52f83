package dev.ormlens.core.analysis.fixes;

import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.model.AnnotationFact;
import dev.ormlens.core.model.ClassFact;
import dev.ormlens.core.model.NameRef;
import dev.ormlens.core.model.RelationshipFact;
import dev.ormlens.core.model.SecondaryExpr;
import dev.ormlens.core.model.StringLiteral;
import java.util.ArrayList;
import java.util.List;

/**
 * Completes a {@code back_populates} pair. When the target class has no attribute of that name
 * (ORM103), it creates the reciprocal relationship there: the annotation (a collection for the
 * reverse of a many-to-one or a many-to-many, else one object), the owner as target, {@code
 * back_populates} pointing back and {@code secondary} mirrored; unsafe, since the shape is
 * inferred. When the attribute exists but does not point back (ORM104, one-sided), it adds the
 * missing {@code back_populates}: safe, the pair is already declared on one side.
 */
final class CreateReciprocalRelationship implements QuickFix {
  static final String ID = "create-reciprocal-relationship";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<String> codes() {
    return List.of("ORM103", "ORM104");
  }

  @Override
  public List<Offer> offers(FixContext ctx) {
    List<Offer> out = new ArrayList<>();
    OrmModel model = ctx.model();
    for (ResolvedRelationship r : ctx.resolution().relationships()) {
      StringLiteral back = r.site().fact().backPopulates();
      MappedClass target = r.targetClass();
      if (back == null || target == null || !ctx.touches(back.literalRange())) {
        continue;
      }
      var other = model.relationship(target, back.value());
      if (other.isPresent()) {
        RelationshipFact o = other.get().fact();
        // With **kwargs the keyword may already be passed: adding it could raise TypeError.
        if (o.backPopulates() == null && o.backref() == null && !o.mayPass("back_populates")) {
          PythonText text = ctx.text(other.get().file().path()).orElse(null);
          if (text != null) {
            String otherPath = other.get().file().path();
            String keyword = "back_populates=" + text.quoted(r.site().fact().attribute());
            out.add(
                Offer.of(
                    ID,
                    "Add back_populates=\""
                        + r.site().fact().attribute()
                        + "\" to '"
                        + target.name()
                        + "."
                        + o.attribute()
                        + "'",
                    "quickfix",
                    true,
                    List.of("ORM104"),
                    () -> {
                      EditSet edits = new EditSet();
                      CallArguments.addKeyword(edits, otherPath, text, o.callRange(), keyword);
                      return edits;
                    }));
          }
        }
      } else if (!model.hasAttribute(target, back.value())
          && model.isComplete(target)
          && !reciprocalExists(model, r, target)) {
        create(ctx, r, target, back.value()).ifPresent(out::add);
      }
    }
    return out;
  }

  /**
   * Whether the target already has the other side under another name: a relationship to the owner
   * whose back_populates names this one. Then the misspelt name is the fault (did-you-mean), and
   * creating a second, duplicate relationship would only leave the real one unlinked.
   */
  private static boolean reciprocalExists(
      OrmModel model, ResolvedRelationship r, MappedClass target) {
    String self = r.site().fact().attribute();
    for (MappedClass c = target;
        c != null;
        c = c.superclass() == null ? null : model.mappedClass(c.superclass()).orElse(null)) {
      for (var site : c.relationships()) {
        StringLiteral back = site.fact().backPopulates();
        if (back != null && back.value().equals(self)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The creation, when the reciprocal can be written: its imports and secondary are known. */
  private java.util.Optional<Offer> create(
      FixContext ctx, ResolvedRelationship r, MappedClass target, String attribute) {
    PythonText text = ctx.text(target.file().path()).orElse(null);
    PythonText ownText = ctx.text(ctx.path()).orElse(null);
    if (text == null || ownText == null) {
      return java.util.Optional.empty();
    }
    RelationshipFact f = r.site().fact();
    String callee = callee(ownText, f);
    if (callee.contains(".")
        && !new ImportPlan(target.file(), text)
            .boundAtRunTime(callee.substring(0, callee.indexOf('.')))) {
      return java.util.Optional.empty();
    }
    if (f.secondary() instanceof SecondaryExpr.Call call) {
      if (concat(call.function(), call.arguments()).stream()
          .anyMatch(n -> n.qualified().lastIndexOf('.') <= 0)) {
        return java.util.Optional.empty();
      }
    } else if (f.secondary() != null && !(f.secondary() instanceof SecondaryExpr.Text)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        Offer.of(
            ID,
            "Create '"
                + target.name()
                + "."
                + attribute
                + "' with back_populates=\""
                + f.attribute()
                + "\"",
            "quickfix",
            false,
            List.of("ORM103"),
            () -> edits(r, target, attribute, text, ownText)));
  }

  private static String callee(PythonText ownText, RelationshipFact f) {
    return ownText
        .text()
        .substring(f.callRange().start(), ownText.text().indexOf('(', f.callRange().start()));
  }

  /** Writes the reciprocal relationship; {@link #create} checked that it can. */
  private static EditSet edits(
      ResolvedRelationship r,
      MappedClass target,
      String attribute,
      PythonText text,
      PythonText ownText) {
    ClassFact cls = target.fact();
    RelationshipFact f = r.site().fact();
    MappedClass owner = r.site().owner();
    String callee = callee(ownText, f);
    ImportPlan plan = new ImportPlan(target.file(), text);
    if (!callee.contains(".")) {
      plan.runtime("sqlalchemy.orm", callee);
    }
    List<String> args = new ArrayList<>();
    AnnotationFact annotation = f.annotation();
    String declaration;
    if (annotation != null && annotation.mapped()) {
      boolean collection = f.secondary() != null || !annotation.collection();
      String inner = text.quoted(owner.name());
      plan.runtime("sqlalchemy.orm", "Mapped");
      plan.typeChecking(owner.module(), owner.name());
      declaration = attribute + ": Mapped[" + (collection ? "list[" + inner + "]" : inner) + "]";
    } else {
      args.add(text.quoted(owner.name()));
      declaration = attribute;
    }
    args.add("back_populates=" + text.quoted(f.attribute()));
    if (f.secondary() != null) {
      String written =
          ownText.text().substring(f.secondary().range().start(), f.secondary().range().end());
      if (f.secondary() instanceof SecondaryExpr.Call call) {
        for (NameRef n : concat(call.function(), call.arguments())) {
          int dot = n.qualified().lastIndexOf('.');
          plan.runtime(n.qualified().substring(0, dot), n.written());
        }
      }
      args.add("secondary=" + written);
    }
    String indent =
        cls.attributes().isEmpty()
            ? text.indentationAt(cls.range().start()) + text.indentUnit()
            : text.indentationAt(cls.attributes().get(0).range().start());
    String line = indent + declaration + " = " + callee + "(" + String.join(", ", args) + ")";
    EditSet edits = new EditSet();
    int end = cls.range().end();
    int at = text.nextLineStart(Math.max(cls.range().start(), end - 1));
    String prefix = at == text.text().length() && !text.endsWithNewline() ? text.newline() : "";
    edits.insert(target.file().path(), at, prefix + line + text.newline());
    plan.emit(edits);
    return edits;
  }

  private static List<NameRef> concat(NameRef first, List<NameRef> rest) {
    List<NameRef> out = new ArrayList<>();
    out.add(first);
    out.addAll(rest);
    return out;
  }
}
