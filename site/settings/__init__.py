"""Settings for Semilla: ``base`` holds everything shared; ``dev``, ``test`` and
``production`` only change what differs. Values come from the environment
(django-environ); development needs none."""
