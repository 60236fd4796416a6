from django.apps import AppConfig


class SyntheticConfig(AppConfig):
    """Benchmark tooling (`manage.py generate_synthetic`): installed by the test settings
    and when PARLEY_TOOLING=1, never part of the served product."""

    name = "bench.synthetic"
    label = "synthetic"
    verbose_name = "Parley synthetic data (tooling)"
