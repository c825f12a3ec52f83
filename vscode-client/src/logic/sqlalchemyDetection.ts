/**
 * A cheap test of whether a workspace uses SQLAlchemy, so the extension does
 * not start a JVM for every Python project that happens to be opened.
 */

const PYTHON_IMPORT = /^\s*(?:from|import)\s+(?:sqlalchemy|flask_sqlalchemy|sqlmodel)\b/m;
const DEPENDENCY = /\b(?:sqlalchemy|flask[-_]sqlalchemy|sqlmodel)\b/i;

/** Files whose text names the project's dependencies. */
export const DEPENDENCY_MANIFESTS: readonly string[] = [
  "pyproject.toml",
  "setup.cfg",
  "setup.py",
  "Pipfile",
  "requirements*.txt",
  "requirements/*.txt",
  "environment.yml",
];

/** True when Python source imports SQLAlchemy, Flask-SQLAlchemy or SQLModel. */
export function pythonUsesSqlalchemy(source: string): boolean {
  return PYTHON_IMPORT.test(source);
}

/** True when a dependency manifest mentions SQLAlchemy, Flask-SQLAlchemy or SQLModel. */
export function manifestMentionsSqlalchemy(text: string): boolean {
  return DEPENDENCY.test(text);
}
