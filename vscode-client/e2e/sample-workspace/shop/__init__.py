from shop import parent, child, tag  # noqa: F401
