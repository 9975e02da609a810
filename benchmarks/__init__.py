"""Speed and memory benchmarks (issue 6): `python -m benchmarks` prints one table."""
