"""The synthetic dataset for benchmarks (`manage.py generate_synthetic`): tooling, not part
of the API, installed only where benchmarks run.

Why `generator.py` stays one file (about 1,480 lines, over the ~500 the project aims for):
it is one deterministic pipeline, not several concerns. Most of it is the `Generator`
class (about 700 lines), whose methods share one state (the seeded random streams, the
primary-key counters of `Ids`, the open `Table` buffers and the `Report`) and must run in
one order for the same seed to give the same records; cutting it into modules would mean
mixins over that shared state or passing it all around, which spreads one algorithm over
files without separating anything. The rest (the weighted choices and sizes, the name and
text writers, the batch and COPY writers, and the index and trigger deferral around a run)
is each small and used only by that class, and the words it draws on already live apart in
`words.py`. It is read and changed as one piece when a benchmark needs different data, it
is imported by no production code, and its determinism is pinned by
`tests/tooling/test_synthetic.py`. If it grows, the first cut is the "Around the run" part
(existing rows, fast writes, deferred GIN indexes and FTS triggers: about 160 lines) into
`bench/synthetic/indexes.py`.
"""
