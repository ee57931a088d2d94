"""``nngrader check``: run a student's notebook in a real kernel, then its public tests.

The same table a student gets from ``check_all(globals())`` in the last cell.
"""
from pathlib import Path

import nbformat
from nbclient import NotebookClient

CHECK_CELL = "from nn_utils import check_all\ncheck_all(globals())"


def check_notebook(path, timeout=120):
    """Execute the notebook (errors allowed) plus a final check_all cell; return its printed table."""
    path = Path(path)
    if not path.exists():
        raise SystemExit(f"error: {path} does not exist.")
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as err:
        raise SystemExit(f"error: {path} is not a readable notebook ({err}).") from None
    nb.cells.append(nbformat.v4.new_code_cell(CHECK_CELL))
    client = NotebookClient(nb, timeout=timeout, allow_errors=True, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent.resolve())}})
    client.execute()
    last = nb.cells[-1]
    text = "".join(o.get("text", "") for o in last.outputs if o.output_type == "stream")
    errors = [f"{o.ename}: {o.evalue}" for o in last.outputs if o.output_type == "error"]
    return text + "\n".join(errors)
