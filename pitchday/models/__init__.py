from .grants import *  # noqa: F403
