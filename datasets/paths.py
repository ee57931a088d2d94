from pathlib import Path

# Resolved relative to the package, never to the current directory.
DATA_DIR = Path(__file__).resolve().parent / "data"
BUILD_COMMAND = "nngrader build-data"
FACES = DATA_DIR / "faces.h5"
DIGITS = DATA_DIR / "digits.h5"
