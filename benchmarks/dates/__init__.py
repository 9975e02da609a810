"""Publication dates of pasted pages against hand-read gold (`python -m benchmarks.dates DIR`)."""
