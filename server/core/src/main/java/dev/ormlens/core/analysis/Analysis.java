package dev.ormlens.core.analysis;

import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.analysis.features.CodeLenses;
import dev.ormlens.core.analysis.features.Completion;
import dev.ormlens.core.analysis.features.DocumentSymbols;
import dev.ormlens.core.analysis.features.FindReferences;
import dev.ormlens.core.analysis.features.Hover;
import dev.ormlens.core.analysis.features.Rename;
import dev.ormlens.core.analysis.features.WorkspaceSymbols;
import dev.ormlens.core.analysis.fixes.Fix;
import dev.ormlens.core.analysis.fixes.FixOffer;
import dev.ormlens.core.analysis.fixes.Fixes;
import dev.ormlens.core.analysis.fixes.SourceTexts;
import dev.ormlens.core.analysis.graph.EntityGraph;
import dev.ormlens.core.analysis.graph.ImportGraphView;
import dev.ormlens.core.analysis.imports.ImportAnalysis;
import dev.ormlens.core.analysis.imports.ImportGraph;
import dev.ormlens.core.analysis.rules.Rule;
import dev.ormlens.core.analysis.rules.RuleContext;
import dev.ormlens.core.analysis.rules.Rules;
import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.index.OrmModel.MappedTable;
import dev.ormlens.core.index.OrmModel.RelationshipSite;
import dev.ormlens.core.index.WorkspaceIndex;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.ImportFact;
import dev.ormlens.core.model.Problem;
import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The analysis façade: every feature of ORM Lens as a plain function of one workspace snapshot.
 * Results are cached per snapshot; a new snapshot gets a new {@code Analysis}.
 *
 * <p>Architecture invariant: nothing here knows LSP, a parser or the file system. Inputs are paths
 * and UTF-16 offsets; outputs are records.
 */
public final class Analysis {
  /** Code of the diagnostic for a syntax error the parser recovered from. */
  public static final String SYNTAX_CODE = "ORM001";

  private final WorkspaceIndex index;
  private final AnalysisSettings settings;
  private final List<Rule> rules;
  private final Map<String, FileResolution> resolutions = new ConcurrentHashMap<>();
  private final Map<String, List<Diagnostic>> diagnostics = new ConcurrentHashMap<>();
  private final Map<String, List<ResolvedRelationship>> sitesRead = new ConcurrentHashMap<>();

  /** Per file, each rule's findings before settings and suppressions apply. */
  private final Map<String, Map<String, List<Diagnostic>>> findings = new ConcurrentHashMap<>();

  /** Findings of tracked rules taken over from the previous snapshot, not computed again. */
  private final Map<String, Map<String, List<Diagnostic>>> carriedFindings =
      new ConcurrentHashMap<>();

  /** The other relationships those carried findings read: still dependencies. */
  private final Map<String, List<ResolvedRelationship>> carriedReads = new ConcurrentHashMap<>();

  /**
   * The files each file's results were read from, as {@link #next} found them: valid while the
   * resolution and the relationships read are the very ones it was computed for, so a result that
   * carries over keeps its set and the next edit does not walk its references again.
   */
  private final Map<String, ReadFrom> readFrom = new ConcurrentHashMap<>();

  /** ORM301's writers per resolved relationship, carried with the resolutions they come from. */
  private final Map<ResolvedRelationship, List<SyncTargets.Writer>> writers =
      java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  private record ReadFrom(
      FileResolution resolution, List<ResolvedRelationship> read, Set<String> paths) {}

  private volatile Map<String, List<RelationshipSite>> sitesByFile;
  private volatile NameLookup lookup;
  private volatile Map<String, List<Reference>> referencesByTarget;
  private volatile SyncTargets syncTargets;
  private volatile Map<String, Set<String>> backrefs;

  /** The previous snapshot's import analysis, to reuse from; null for a first snapshot. */
  private volatile ImportAnalysis previousImports;

  private volatile ImportAnalysis imports;

  public Analysis(WorkspaceIndex index, AnalysisSettings settings) {
    this(index, settings, Rules.all());
  }

  public Analysis(WorkspaceIndex index, AnalysisSettings settings, List<Rule> rules) {
    this(index, settings, rules, null);
  }

  private Analysis(
      WorkspaceIndex index,
      AnalysisSettings settings,
      List<Rule> rules,
      ImportAnalysis previousImports) {
    this.index = index;
    this.settings = settings;
    this.rules = rules;
    this.previousImports = previousImports;
  }

  /**
   * The analysis of a newer snapshot with the same settings. Per-file work that depends on one
   * file's facts only (its import edges) is reused for files whose facts did not change.
   */
  public Analysis next(WorkspaceIndex newer) {
    Set<String> changed = new java.util.HashSet<>();
    for (FileFacts f : newer.files()) {
      if (index.file(f.path()).orElse(null) != f) {
        changed.add(f.path());
      }
    }
    for (FileFacts f : index.files()) {
      if (newer.file(f.path()).isEmpty()) {
        changed.add(f.path());
      }
    }
    return next(newer, changed);
  }

  /**
   * Rules whose findings {@link #next} carries over: they read only what {@link Dependencies}
   * tracks (the file's resolution, the classes and tables it found, the model's names). The others
   * (the import-graph rules, any new rule) run again on every snapshot.
   */
  private static final Set<String> TRACKED_RULES =
      Set.of("ORM101", "ORM102", "ORM104", "ORM105", "ORM106", "ORM107", "ORM302", "ORM303");

  /**
   * The analysis of a snapshot derived from this one by changing {@code changedPaths}: it starts
   * with this one's per-file results (resolutions, diagnostics) for every file whose results read
   * none of the changed files, when the model's names are the same ({@link OrmModel#shape()}).
   * Answers exactly as {@code new Analysis(nextIndex, settings)} would, sooner.
   *
   * <p>Diagnostics carry over only while every enabled rule is one {@link Dependencies} was
   * reviewed against: a new rule reading more of the model turns that off until it is added.
   */
  public Analysis next(WorkspaceIndex nextIndex, Set<String> changedPaths) {
    ImportAnalysis built = imports;
    Analysis next =
        new Analysis(nextIndex, settings, rules, built == null ? previousImports : built);
    if (resolutions.isEmpty()) {
      return next;
    }
    OrmModel before = index.model();
    if (before.shape() != nextIndex.model().shape()) {
      return next;
    }
    for (Map.Entry<String, FileResolution> e : resolutions.entrySet()) {
      String path = e.getKey();
      FileFacts now = nextIndex.file(path).orElse(null);
      if (changedPaths.contains(path) || now == null || now != index.file(path).orElse(null)) {
        continue;
      }
      List<ResolvedRelationship> read = sitesRead.get(path);
      ReadFrom known = readFrom.get(path);
      if (known == null || known.resolution() != e.getValue() || known.read() != read) {
        Dependencies d = new Dependencies(index, before, path);
        d.resolution(e.getValue());
        if (read != null) {
          read.forEach(d::relationship);
        }
        known = new ReadFrom(e.getValue(), read, Set.copyOf(d.paths()));
      }
      if (!java.util.Collections.disjoint(known.paths(), changedPaths)) {
        continue;
      }
      next.resolutions.put(path, e.getValue());
      next.readFrom.put(path, known);
      for (ResolvedRelationship rel : e.getValue().relationships()) {
        List<SyncTargets.Writer> w = writers.get(rel);
        if (w != null) {
          next.writers.put(rel, w);
        }
      }
      Map<String, List<Diagnostic>> byRule = findings.get(path);
      if (byRule != null && read != null) {
        Map<String, List<Diagnostic>> tracked = new HashMap<>(byRule);
        tracked.keySet().retainAll(TRACKED_RULES);
        next.carriedFindings.put(path, Map.copyOf(tracked));
        next.carriedReads.put(path, read);
      }
    }
    return next;
  }

  public WorkspaceIndex index() {
    return index;
  }

  public AnalysisSettings settings() {
    return settings;
  }

  public OrmModel model() {
    return index.model();
  }

  /** Every reference written in a file, resolved. */
  public FileResolution resolution(String path) {
    return resolutions.computeIfAbsent(
        path,
        p -> {
          FileFacts file = index.file(p).orElse(null);
          if (file == null) {
            return FileResolution.of(index, lookup(), emptyFile(p), List.of());
          }
          return FileResolution.of(index, lookup(), file, sitesByFile().getOrDefault(p, List.of()));
        });
  }

  /** The import graph and what it means at run time (circular imports, what runs before use). */
  public ImportAnalysis imports() {
    ImportAnalysis i = imports;
    if (i == null) {
      synchronized (this) {
        i = imports;
        if (i == null) {
          i =
              previousImports == null
                  ? new ImportAnalysis(
                      ImportGraph.of(index), settings.entryModules(), settings.declaredEntries())
                  : previousImports.next(ImportGraph.of(index, previousImports.graph()));
          imports = i;
          previousImports = null; // Let the older snapshot go.
        }
      }
    }
    return i;
  }

  /**
   * The entity-relationship graph of the workspace, or of one file's neighbourhood (its classes and
   * the classes one relationship away) when {@code pathOrNull} names a file.
   */
  public EntityGraph entityGraph(String pathOrNull) {
    return EntityGraph.of(this, pathOrNull);
  }

  /**
   * The model modules' import graph with its cycles, or one file's module and its direct neighbours
   * when {@code pathOrNull} names a file.
   */
  public ImportGraphView importGraph(String pathOrNull) {
    return ImportGraphView.of(index, imports().graph(), pathOrNull);
  }

  /** The resolution of one relationship, wherever it is written. */
  public ResolvedRelationship resolve(RelationshipSite site) {
    for (ResolvedRelationship r : resolution(site.file().path()).relationships()) {
      if (r.site().fact() == site.fact()
          && r.site().owner().qualifiedName().equals(site.owner().qualifiedName())) {
        return r;
      }
    }
    return null;
  }

  /** The file's diagnostics after settings and suppression comments, sorted by position. */
  public List<Diagnostic> diagnostics(String path) {
    return diagnostics.computeIfAbsent(path, this::computeDiagnostics);
  }

  /** Diagnostics of every file in the snapshot. */
  public Map<String, List<Diagnostic>> allDiagnostics() {
    // Files are independent given the snapshot: check them on every core.
    Map<String, List<Diagnostic>> out = new ConcurrentHashMap<>();
    index.files().parallelStream()
        .forEach(
            f -> {
              List<Diagnostic> d = diagnostics(f.path());
              if (!d.isEmpty()) {
                out.put(f.path(), d);
              }
            });
    return new HashMap<>(out);
  }

  /** The reference under the cursor, if any. */
  public Optional<Reference> referenceAt(String path, int offset) {
    for (Reference r : resolution(path).references()) {
      if (r.range().contains(offset)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** Where the reference under the cursor points: the class, table, attribute or column. */
  public List<Location> definitionAt(String path, int offset) {
    return referenceAt(path, offset).map(r -> List.of(r.target().definition())).orElse(List.of());
  }

  /**
   * The fixes the user can pick at a range of a file: quick-fixes for the problems there,
   * refactorings that apply there, and the file's fix-all ({@code source.fixAll.ormlens}) last.
   * Edits are computed against {@code texts}, the files' current text.
   */
  public List<Fix> fixes(String path, TextRange range, SourceTexts texts) {
    return new Fixes(this).at(path, range, texts);
  }

  /**
   * The same fixes as {@link #fixes}, without their edits: what an editor lists before the user
   * picks one ({@code codeAction/resolve} then asks {@link #fix}).
   */
  public List<FixOffer> fixOffers(String path, TextRange range, SourceTexts texts) {
    return new Fixes(this).offers(path, range, texts);
  }

  /** The edits of the fix the user picked at a range; empty when it no longer applies there. */
  public Optional<Fix> fix(String path, TextRange range, SourceTexts texts, FixOffer picked) {
    return new Fixes(this).fix(path, range, texts, picked);
  }

  /** Every selected fix of a file merged into one, as {@code ormlens fix} applies it. */
  public Fix fixAll(String path, SourceTexts texts, Fixes.Selection selection) {
    return new Fixes(this).fixAll(path, texts, selection);
  }

  /**
   * Declaration: for a Python name (a class, resolver or table variable), the import that binds it
   * in this file; otherwise, or when it is defined here, the definition.
   */
  public List<Location> declarationAt(String path, int offset, SourceTexts texts) {
    Reference ref = referenceAt(path, offset).orElse(null);
    FileFacts file = index.file(path).orElse(null);
    String text = texts.text(path).orElse(null);
    if (ref == null || file == null || text == null || ref.range().end() > text.length()) {
      return definitionAt(path, offset);
    }
    String written = text.substring(ref.range().start(), ref.range().end());
    String bound = written.contains(".") ? written.substring(0, written.indexOf('.')) : written;
    for (ImportFact i : file.imports()) {
      if (!i.fromImport() && bound.equals(i.alias())) {
        return List.of(new Location(path, i.moduleRange()));
      }
      for (ImportFact.ImportedName n : i.names()) {
        if (n.boundName().equals(bound)) {
          return List.of(new Location(path, n.range()));
        }
      }
    }
    return definitionAt(path, offset);
  }

  /** Every reference in the workspace to a target, in path and offset order. */
  public List<Reference> referencesTo(Reference.Target target) {
    return referencesByTarget().getOrDefault(target.key(), List.of());
  }

  /** The table a mapped class maps to (its superclass's for single-table inheritance), or null. */
  public MappedTable tableOf(MappedClass c) {
    return lookup().tableOf(c);
  }

  /** Find references, string references included. */
  public List<Location> references(String path, int offset, boolean includeDeclaration) {
    return FindReferences.find(this, path, offset, includeDeclaration);
  }

  public Optional<Hover.Result> hover(String path, int offset) {
    return Hover.at(this, path, offset);
  }

  /** Completion inside ORM strings; {@code text} is the file's current text (may be null). */
  public List<Completion.Item> completion(String path, int offset, String text) {
    return Completion.at(this, path, offset, text);
  }

  /** At most {@code limit} candidates matching what was typed; see {@link Completion#narrowed}. */
  public Completion.Narrowed completion(String path, int offset, String text, int limit) {
    return Completion.narrowed(this, path, offset, text, limit);
  }

  public Optional<Rename.Prepared> prepareRename(String path, int offset, SourceTexts texts) {
    return Rename.prepare(this, path, offset, texts);
  }

  public Rename.Result rename(String path, int offset, String newName, SourceTexts texts) {
    return Rename.rename(this, path, offset, newName, texts);
  }

  public List<DocumentSymbols.Outline> documentSymbols(String path) {
    return DocumentSymbols.of(this, path);
  }

  public List<WorkspaceSymbols.Match> workspaceSymbols(String query) {
    return WorkspaceSymbols.search(this, query);
  }

  public List<CodeLenses.Lens> codeLenses(String path) {
    return CodeLenses.of(this, path);
  }

  private Map<String, List<Reference>> referencesByTarget() {
    Map<String, List<Reference>> m = referencesByTarget;
    if (m == null) {
      Map<String, List<Reference>> built = new HashMap<>();
      List<FileFacts> files = new ArrayList<>(index.files());
      files.sort(Comparator.comparing(FileFacts::path));
      for (FileFacts f : files) {
        for (Reference r : resolution(f.path()).references()) {
          built.computeIfAbsent(r.target().key(), k -> new ArrayList<>()).add(r);
        }
      }
      built.replaceAll((k, v) -> List.copyOf(v));
      m = Map.copyOf(built);
      referencesByTarget = m;
    }
    return m;
  }

  private List<Diagnostic> computeDiagnostics(String path) {
    FileFacts file = index.file(path).orElse(null);
    if (file == null) {
      return List.of();
    }
    List<Diagnostic> raw = new ArrayList<>();
    for (Problem p : file.problems()) {
      raw.add(new Diagnostic(SYNTAX_CODE, Severity.ERROR, path, p.range(), p.message(), List.of()));
    }
    // Other files' relationships the rules look at are dependencies too (see next()).
    List<ResolvedRelationship> read = java.util.Collections.synchronizedList(new ArrayList<>());
    read.addAll(carriedReads.getOrDefault(path, List.of()));
    RuleContext context =
        new RuleContext(
            index,
            model(),
            resolution(path),
            site -> {
              ResolvedRelationship r = resolve(site);
              read.add(r);
              return r;
            },
            imports(),
            this::syncTargets,
            this::backrefsTo);
    Map<String, List<Diagnostic>> kept = carriedFindings.getOrDefault(path, Map.of());
    Map<String, List<Diagnostic>> byRule = new HashMap<>();
    for (Rule rule : rules) {
      if (settings.enabled(rule.code())) {
        List<Diagnostic> found = kept.get(rule.code());
        if (found == null) {
          found = new ArrayList<>();
          try {
            rule.check(context, found);
          } catch (RuntimeException e) {
            // One rule's bug must not hide the others' findings; it shows as a finding itself.
            found.add(
                new Diagnostic(
                    "ORM000",
                    Severity.INFORMATION,
                    path,
                    dev.ormlens.core.text.TextRange.EMPTY,
                    "internal error in " + rule.code() + ": " + e,
                    List.of()));
          }
          found = List.copyOf(found);
        }
        byRule.put(rule.code(), found);
        raw.addAll(found);
      }
    }
    findings.put(path, byRule);
    sitesRead.put(path, java.util.Collections.unmodifiableList(new ArrayList<>(read)));
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : raw) {
      if (!settings.enabled(d.code()) || suppressed(file, d)) {
        continue;
      }
      Severity override = settings.severities().get(d.code());
      out.add(override == null ? d : d.withSeverity(override));
    }
    out.sort(
        Comparator.comparingInt((Diagnostic d) -> d.range().start())
            .thenComparing(Diagnostic::code));
    return List.copyOf(out);
  }

  private static boolean suppressed(FileFacts file, Diagnostic d) {
    Set<String> codes = file.suppressions().get(file.lines().lineOf(d.range().start()));
    return codes != null && (codes.isEmpty() || codes.contains(d.code()));
  }

  /** The columns every relationship writes, and the unlinked relationships that clash (ORM301). */
  public SyncTargets syncTargets() {
    SyncTargets s = syncTargets;
    if (s == null) {
      s = SyncTargets.of(model(), lookup(), this::resolve, imports(), writers);
      syncTargets = s;
    }
    return s;
  }

  /**
   * The attribute names that {@code backref=} on relationships to this class (or a superclass)
   * create on it. Computed once per snapshot for the whole workspace.
   */
  public Set<String> backrefsTo(MappedClass target) {
    Map<String, Set<String>> b = backrefs;
    if (b == null) {
      Map<String, Set<String>> built = new HashMap<>();
      for (MappedClass c : model().classes()) {
        for (RelationshipSite site : c.relationships()) {
          ResolvedRelationship r = site.fact().backref() == null ? null : resolve(site);
          if (r != null && r.targetClass() != null) {
            built
                .computeIfAbsent(r.targetClass().qualifiedName(), k -> new java.util.HashSet<>())
                .add(site.fact().backref().value());
          }
        }
      }
      b = built;
      backrefs = b;
    }
    Set<String> out = new java.util.HashSet<>();
    for (MappedClass c = target;
        c != null;
        c = c.superclass() == null ? null : model().mappedClass(c.superclass()).orElse(null)) {
      out.addAll(b.getOrDefault(c.qualifiedName(), Set.of()));
    }
    return out;
  }

  private NameLookup lookup() {
    NameLookup l = lookup;
    if (l == null) {
      l = new NameLookup(index);
      lookup = l;
    }
    return l;
  }

  private Map<String, List<RelationshipSite>> sitesByFile() {
    Map<String, List<RelationshipSite>> s = sitesByFile;
    if (s == null) {
      Map<String, List<RelationshipSite>> built = new HashMap<>();
      for (MappedClass c : model().classes()) {
        for (RelationshipSite site : c.relationships()) {
          built.computeIfAbsent(site.file().path(), k -> new ArrayList<>()).add(site);
        }
      }
      s = built;
      sitesByFile = s;
    }
    return s;
  }

  private static FileFacts emptyFile(String path) {
    return FileFacts.empty(path, "", false, "", List.of());
  }
}
