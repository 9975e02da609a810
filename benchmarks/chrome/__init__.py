"""Page chrome of pasted pages against hand-read gold (`python -m benchmarks.chrome DIR`)."""
