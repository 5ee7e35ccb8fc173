"""Every write that matters in pitch day and seed grants (see the submodules)."""


class ServiceError(Exception):
    """A rule was broken; ``message`` is safe to show to the person (translated)."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


class InvalidTransition(ServiceError):
    def __init__(self, current, target):
        from django.utils.translation import gettext

        super().__init__(
            gettext("This action is not possible from the status “%(status)s”.")
            % {"status": current}
        )
        self.current, self.target = current, target
