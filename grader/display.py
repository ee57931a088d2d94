"""How values are printed in the notebooks: the "try it" cells and the
"Expected output" blocks use this one function, so they always look alike."""
import numpy as np


def show(**values):
    """Print ``name = value`` lines, arrays with 8 significant decimals."""
    with np.printoptions(precision=8, suppress=False, linewidth=100):
        for name, value in values.items():
            if isinstance(value, (float, np.floating)) or (isinstance(value, np.ndarray) and value.ndim == 0):
                value = f"{float(value):.10f}"
            print(f"{name} = {value}")
