# clean_package: the package imports every model module, so whichever module the
# application imports first, all mappers exist before configure_mappers() runs.
from . import association, child, parent
from .association import Association
from .base import Base
from .child import Child
from .parent import Parent

__all__ = ["Association", "Base", "Child", "Parent", "association", "child", "parent"]
