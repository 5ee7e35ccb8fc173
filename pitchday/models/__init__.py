from .events import *  # noqa: F403
from .grants import *  # noqa: F403
