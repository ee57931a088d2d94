"""The notebooks' diagrams, drawn by code as plain SVG (no tool, no binary in the repository).

    network_svg([5, 4, 4, 3, 1])   circles for units, lines for weights, shapes under each layer
    flow_svg(3)                    the forward and backward passes of an L-layer model, with caches

``write_all`` puts them into the assignment folders of ``solutions/``, so
``nbgrader generate_assignment`` releases them beside the notebooks; the
release test regenerates them and fails when the committed ones are stale.
"""
from html import escape

from .paths import SOLUTIONS

BLUE, ORANGE, GREEN, GREY = "#4c72b0", "#dd8452", "#55a868", "#555555"
FONT = 'font-family="DejaVu Sans, Helvetica, Arial, sans-serif"'


def _svg(width, height, body):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" {FONT} font-size="13">\n'
            '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
            f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{GREY}"/></marker></defs>\n'
            f'<rect width="{width}" height="{height}" fill="white"/>\n{body}</svg>\n')


def _text(x, y, text, anchor="middle", size=13, colour="black", weight="normal"):
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" fill="{colour}" '
            f'font-weight="{weight}">{escape(text)}</text>\n')


def network_svg(layer_dims, hidden="ReLU", output="sigmoid", max_drawn=6):
    """Units as circles (at most ``max_drawn`` per layer, then an ellipsis), every weight as a line."""
    gap, top, radius = 150, 60, 13
    tallest = min(max(layer_dims), max_drawn)
    width, height = gap * (len(layer_dims) - 1) + 160, top + 46 * tallest + 80
    columns = []
    for l, n in enumerate(layer_dims):
        drawn = min(n, max_drawn)
        x = 80 + gap * l
        y0 = top + (tallest - drawn) * 23
        columns.append([(x, y0 + 46 * i) for i in range(drawn)])
    body = ""
    for left, right in zip(columns, columns[1:]):
        for x1, y1 in left:
            for x2, y2 in right:
                body += (f'<line x1="{x1 + radius}" y1="{y1}" x2="{x2 - radius}" y2="{y2}" '
                         f'stroke="#bbbbbb" stroke-width="1"/>\n')
    L = len(layer_dims) - 1
    for l, (column, n) in enumerate(zip(columns, layer_dims)):
        colour = GREY if l == 0 else (GREEN if l == L else BLUE)
        for x, y in column:
            body += f'<circle cx="{x}" cy="{y}" r="{radius}" fill="{colour}" stroke="white" stroke-width="2"/>\n'
        x = column[0][0]
        if n > max_drawn:
            body += _text(x, column[-1][1] + 32, f"... {n - max_drawn} more")
        name = "input" if l == 0 else ("output" if l == L else f"hidden {l}")
        body += _text(x, 28, name, weight="bold")
        body += _text(x, height - 42, f"n[{l}] = {n}")
        if l:
            body += _text(x, height - 22, f"A[{l}] = {output if l == L else hidden}(Z[{l}])", size=11, colour=GREY)
        else:
            body += _text(x, height - 22, "X = A[0]", size=11, colour=GREY)
    return _svg(width, height, body)


def flow_svg(L=3):
    """Forward boxes left to right (each keeps a cache), backward boxes right to left (each uses it)."""
    box_w, box_h, gap = 150, 44, 40
    width = 60 + (L + 1) * (box_w + gap)
    height = 330
    fy, by = 70, 200
    body = _text(20, 40, "forward: (output, cache) = f(input)", anchor="start", weight="bold", colour=BLUE)
    body += _text(20, 318, "backward: gradients = f(upstream gradient, cache)", anchor="start", weight="bold",
                  colour=ORANGE)
    xs = [40 + i * (box_w + gap) for i in range(L + 1)]
    for i, x in enumerate(xs):
        last = i == L
        label_f = "cost J" if last else (f"LINEAR -> {'SIGMOID' if i == L - 1 else 'RELU'}  [{i + 1}]")
        label_b = "dAL = dJ/dAL" if last else f"LINEAR <- {'SIGMOID' if i == L - 1 else 'RELU'}  [{i + 1}]"
        body += (f'<rect x="{x}" y="{fy}" width="{box_w}" height="{box_h}" rx="6" '
                 f'fill="{GREEN if last else BLUE}" opacity="0.9"/>\n')
        body += _text(x + box_w / 2, fy + 27, label_f, colour="white", size=12)
        body += (f'<rect x="{x}" y="{by}" width="{box_w}" height="{box_h}" rx="6" '
                 f'fill="{GREEN if last else ORANGE}" opacity="0.9"/>\n')
        body += _text(x + box_w / 2, by + 27, label_b, colour="white", size=12)
        if not last:     # the cache goes down from the forward box to its backward box
            body += (f'<line x1="{x + box_w / 2}" y1="{fy + box_h}" x2="{x + box_w / 2}" y2="{by}" stroke="{GREY}" '
                     f'stroke-dasharray="5,4" marker-end="url(#arrow)"/>\n')
            body += _text(x + box_w / 2 + 6, (fy + by + box_h) / 2 + 4, f"cache {i + 1}", anchor="start",
                          size=11, colour=GREY)
            nxt = xs[i + 1]
            body += (f'<line x1="{x + box_w}" y1="{fy + box_h / 2}" x2="{nxt}" y2="{fy + box_h / 2}" '
                     f'stroke="{GREY}" stroke-width="2" marker-end="url(#arrow)"/>\n')
            body += _text((x + box_w + nxt) / 2, fy - 6, "AL" if i == L - 1 else f"A{i + 1}", size=11)
            body += (f'<line x1="{nxt}" y1="{by + box_h / 2}" x2="{x + box_w}" y2="{by + box_h / 2}" '
                     f'stroke="{GREY}" stroke-width="2" marker-end="url(#arrow)"/>\n')
            body += _text((x + box_w + nxt) / 2, by + box_h + 16, "dAL" if i == L - 1 else f"dA{i + 1}", size=11)
    body += _text(xs[0] - 8, fy + box_h / 2 + 4, "X", anchor="end", weight="bold")
    for i, x in enumerate(xs[:-1]):
        body += _text(x + box_w / 2, by + box_h + 34, f"dW{i + 1}, db{i + 1}", size=11, colour=GREY)
    return _svg(width, height, body)


FIGURES = {
    "planar_classifier": {"two_layer_network.svg": lambda: network_svg([2, 4, 1], hidden="tanh")},
    "deep_nn_step_by_step": {"l_layer_network.svg": lambda: network_svg([5, 4, 4, 3, 1]),
                             "forward_backward.svg": lambda: flow_svg(3)},
    "deep_nn_application": {"faces_network.svg": lambda: network_svg([625, 20, 7, 5, 1])},
}


def render():
    """{path: SVG text} of every figure."""
    return {SOLUTIONS / assignment / name: draw() for assignment, figures in FIGURES.items()
            for name, draw in figures.items()}


def write_all():
    written = []
    for path, text in render().items():
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
