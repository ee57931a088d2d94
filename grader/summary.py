"""Class summary: score histogram, pass rate per function, the most frequent known mistakes.

Scores come from nbgrader's gradebook; mistakes are counted from the "Hint:" lines
that the checks wrote into the autograded test cells.
"""
import html
import re
from collections import Counter
from pathlib import Path

import matplotlib
import nbformat

from .cases import cases_module
from .grading import flags, scores

HINT = re.compile(r"Hint: ([^\n\x1b]+)")


def hint_counts(course, assignment):
    """Counter of (function, hint) over the class's autograded notebooks."""
    counts = Counter()
    for path in sorted(Path(course).glob(f"autograded/*/{assignment}/{assignment}.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
            if cell.metadata.get("nbgrader", {}).get("grade"):
                text = " ".join(o.get("evalue", "") for o in cell.get("outputs", []) if o.output_type == "error")
                for hint in set(HINT.findall(text)):
                    counts[(grade_id.removeprefix("test_"), hint.strip())] += 1
    return counts


def write_summary(course, assignment):
    """Write COURSE/summary/<assignment>.png and .html; return the HTML path."""
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    points = cases_module(assignment).POINTS
    table = scores(course, assignment)
    totals = [row["total"] for row in table.values()]
    pass_rate = {name: sum(row[name] == p for row in table.values()) / max(len(table), 1)
                 for name, p in points.items()}
    mistakes = hint_counts(course, assignment).most_common(10)
    out = Path(course) / "summary"
    out.mkdir(parents=True, exist_ok=True)

    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4))
    left.hist(totals, bins=range(0, sum(points.values()) + 2), color="tab:blue", edgecolor="white")
    left.set(title=f"{assignment}: total scores ({len(totals)} students)", xlabel="points", ylabel="students")
    right.barh(list(pass_rate)[::-1], list(pass_rate.values())[::-1], color="tab:green")
    right.set(title="full marks per graded function", xlabel="fraction of the class", xlim=(0, 1))
    fig.tight_layout()
    png = out / f"{assignment}.png"
    fig.savefig(png, dpi=90)
    plt.close(fig)

    rows = "".join(f"<tr><td>{html.escape(f)}</td><td>{html.escape(h)}</td><td>{n}</td></tr>"
                   for (f, h), n in mistakes)
    mean = sum(totals) / len(totals) if totals else 0
    flagged = "".join(f"<tr><td>{html.escape(student)}</td><td>{html.escape('; '.join(reasons))}</td></tr>"
                      for student, reasons in flags(course, assignment).items())
    page = out / f"{assignment}.html"
    page.write_text(f"""<!doctype html><meta charset="utf-8"><title>{assignment} summary</title>
<h1>{assignment}: class summary</h1>
<p>{len(totals)} students graded, mean {mean:.1f} of {sum(points.values())} points.</p>
<img src="{png.name}" alt="score histogram and pass rate per function">
<h2>Most frequent known mistakes</h2>
<table border="1" cellpadding="4"><tr><th>function</th><th>mistake</th><th>students</th></tr>{rows}</table>
<h2>Flagged for review</h2>
<p>Hostile code, limits reached, edited test cells, unreadable files (see SECURITY.md).</p>
<table border="1" cellpadding="4"><tr><th>student</th><th>reasons</th></tr>{flagged}</table>
""", encoding="utf-8")
    return page
