# mistakes: every module here is self-contained (its own declarative base) and holds one
# typical mistake, so that importing one module shows what SQLAlchemy does with that
# mistake alone. This file stays empty so that importing shop.<module> imports nothing else.
