"""The :class:`Table` value object and its renderers.

A table carries its provenance (combalg version, parameters, wall time, date)
so that a table pasted into a paper can be regenerated.  Rendering is pure;
:meth:`Table.write` writes atomically (temporary file in the same folder,
then rename).
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import os
import tempfile
import textwrap
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any, Mapping, Sequence

from combalg import __version__
from combalg.core.errors import InvalidInputError

__all__ = ["Table", "FORMATS", "atomic_write_text"]

#: the formats understood by :meth:`Table.render`
FORMATS = ("text", "md", "latex", "csv", "json")

_SUFFIX_FORMAT = {".md": "md", ".markdown": "md", ".tex": "latex", ".csv": "csv", ".json": "json", ".txt": "text"}

_LATEX_SPECIAL = {
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
    "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    # in text mode with the default OT1 encoding these print as other glyphs (|, <, > as —, ¡, ¿)
    "|": r"\textbar{}", "<": r"\textless{}", ">": r"\textgreater{}",
}


def _latex_escape(text: str) -> str:
    return "".join(_LATEX_SPECIAL.get(ch, ch) for ch in text)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Fraction):
        return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    return str(value)


def _param_text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_param_text(v) for v in value) + "]"
    return _cell_text(value)


def _cell_latex(value: Any) -> str:
    if isinstance(value, Fraction) and value.denominator != 1:
        sign = "-" if value < 0 else ""
        return f"${sign}\\frac{{{abs(value.numerator)}}}{{{value.denominator}}}$"
    latex = getattr(value, "_repr_latex_", None)
    if callable(latex) and not isinstance(value, (str, int)):
        text = latex()
        if isinstance(text, str) and text:
            return text if text.startswith("$") else f"${text}$"
    return _latex_escape(_cell_text(value))


def _cell_json(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, Fraction):
        return value.numerator if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    if isinstance(value, float):  # wall times only
        return value
    if isinstance(value, (list, tuple)):
        return [_cell_json(v) for v in value]
    return str(value)


def _is_numeric(value: Any) -> bool:
    return isinstance(value, (int, Fraction)) and not isinstance(value, bool)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` to ``path`` atomically: a temporary file in the same folder, then rename."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InvalidInputError(f"invalid output path {str(path)!r}: folder {str(folder)!r} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return target


@dataclass
class Table:
    """A titled table with notes and provenance.

    Parameters
    ----------
    title : str
        Caption of the table.
    columns : list of str
        Column headers.
    rows : list of list
        Cells: ints, Fractions, strings, or objects with ``_repr_latex_``.
    notes : list of str, optional
        Footnotes (printed under the table).
    parameters : dict, optional
        The parameters that produced the table (recorded as provenance).
    wall_time : float, optional
        Seconds spent computing the table.
    text_widths : dict, optional
        Maximal widths of columns in the aligned text rendering (longer cells
        wrap onto continuation lines); the other formats are not affected.
    latex_title, latex_columns, latex_notes : optional
        The caption, the column headers (one per column) and the notes as LaTeX
        source (used verbatim, e.g. with ``$|\\Lambda|$``) for the LaTeX
        rendering; the plain ``title``, ``columns`` and ``notes`` are escaped and
        used otherwise.

    Examples
    --------
    >>> from fractions import Fraction
    >>> t = Table("Demo", ["x", "value"], [[1, Fraction(1, 2)], [2, 3]], notes=["exact"])
    >>> print(t.render("csv").strip())  # doctest: +ELLIPSIS
    # Demo
    # note: exact
    # generated by combalg ...
    x,value
    1,1/2
    2,3
    >>> print(t.render("latex"))  # doctest: +ELLIPSIS
    % generated by combalg ...
    \\begin{table}[ht]
    \\centering
    \\caption{Demo}
    \\begin{tabular}{rr}
    \\toprule
    x & value \\\\
    \\midrule
    1 & $\\frac{1}{2}$ \\\\
    2 & 3 \\\\
    \\bottomrule
    \\end{tabular}
    ...
    """

    title: str
    columns: Sequence[str]
    rows: Sequence[Sequence[Any]]
    notes: Sequence[str] = ()
    parameters: Mapping[str, Any] | None = None
    wall_time: float | None = None
    text_widths: Mapping[str, int] = field(default_factory=dict)
    latex_title: str | None = None
    latex_notes: Sequence[str] | None = None
    latex_columns: Sequence[str] | None = None
    created: str = field(default_factory=lambda: _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))

    def __post_init__(self) -> None:
        self.columns = [str(c) for c in self.columns]
        self.rows = [list(r) for r in self.rows]
        self.notes = [str(n) for n in self.notes]
        self.parameters = dict(self.parameters or {})
        if self.latex_columns is not None:
            self.latex_columns = [str(c) for c in self.latex_columns]
            if len(self.latex_columns) != len(self.columns):
                raise InvalidInputError(
                    f"invalid latex_columns {self.latex_columns!r}: expected {len(self.columns)} headers, "
                    "one per column"
                )
        for i, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise InvalidInputError(
                    f"invalid table row {i} {row!r}: expected {len(self.columns)} cells, one per column"
                )

    # -- provenance -----------------------------------------------------------------
    def provenance(self) -> dict[str, Any]:
        """The combalg version, parameters, wall time and creation date."""
        prov: dict[str, Any] = {"combalg": __version__, "created": self.created,
                                "parameters": {k: _cell_json(v) for k, v in self.parameters.items()}}
        if self.wall_time is not None:
            prov["wall_time_seconds"] = round(self.wall_time, 6)
        return prov

    def _provenance_line(self) -> str:
        params = ", ".join(f"{k}={_param_text(v)}" for k, v in self.parameters.items())
        parts = [f"combalg {__version__}", self.created]
        if params:
            parts.append(params)
        if self.wall_time is not None:
            parts.append(f"{self.wall_time:.3f} s")
        return "generated by " + "; ".join(parts)

    def _alignments(self) -> list[str]:
        aligns = []
        for j in range(len(self.columns)):
            cells = [r[j] for r in self.rows if r[j] is not None and r[j] != ""]
            aligns.append("r" if cells and all(_is_numeric(c) for c in cells) else "l")
        return aligns

    # -- renderers ------------------------------------------------------------------
    def render(self, fmt: str = "text") -> str:
        """Return the table as ``text``, ``md``, ``latex``, ``csv`` or ``json``."""
        if fmt not in FORMATS:
            raise InvalidInputError(f"invalid table format {fmt!r}: expected one of {', '.join(FORMATS)}")
        return getattr(self, f"_render_{fmt}")()

    def to_markdown(self) -> str:
        """Markdown (GitHub pipe table)."""
        return self.render("md")

    def to_latex(self) -> str:
        """LaTeX with booktabs rules."""
        return self.render("latex")

    def to_csv(self) -> str:
        """CSV, header row first."""
        return self.render("csv")

    def to_json(self) -> str:
        """JSON with title, columns, rows, notes and provenance."""
        return self.render("json")

    def _render_text(self) -> str:
        cells = [self.columns] + [[_cell_text(c) for c in r] for r in self.rows]
        limits = [self.text_widths.get(c) for c in self.columns]
        # a column with a width limit wraps its long cells onto continuation lines
        wrapped = [[textwrap.wrap(c, lim, break_on_hyphens=False) or [""] if lim and len(c) > lim else [c]
                    for c, lim in zip(row, limits)] for row in cells]
        widths = [max(len(piece) for row in wrapped for piece in row[j]) for j in range(len(self.columns))]
        aligns = self._alignments()

        def fmt_row(row: Sequence[list[str]]) -> list[str]:
            height = max(len(c) for c in row)
            out = []
            for k in range(height):
                pieces = [c[k] if k < len(c) else "" for c in row]
                out.append("  ".join(p.rjust(w) if a == "r" else p.ljust(w)
                                     for p, w, a in zip(pieces, widths, aligns)).rstrip())
            return out

        lines = [self.title, *fmt_row(wrapped[0]), "  ".join("-" * w for w in widths)]
        for row in wrapped[1:]:
            lines += fmt_row(row)
        lines += [f"note: {n}" for n in self.notes]
        lines.append(self._provenance_line())
        return "\n".join(lines)

    def _render_md(self) -> str:
        cells = [self.columns] + [[_cell_text(c).replace("|", r"\|") for c in r] for r in self.rows]
        widths = [max(3, max(len(row[j]) for row in cells)) for j in range(len(self.columns))]
        aligns = self._alignments()

        def fmt_row(row: Sequence[str]) -> str:
            return "| " + " | ".join(c.rjust(w) if a == "r" else c.ljust(w)
                                      for c, w, a in zip(row, widths, aligns)) + " |"

        rule = "|" + "|".join((":" + "-" * (w + 1)) if a == "l" else ("-" * (w + 1) + ":")
                              for w, a in zip(widths, aligns)) + "|"
        lines = [f"**{self.title}**", "", fmt_row(self.columns), rule] + [fmt_row(r) for r in cells[1:]]
        if self.notes:
            lines.append("")
            lines += [f"*Note:* {n}" for n in self.notes]
        lines += ["", f"<!-- {self._provenance_line()} -->"]
        return "\n".join(lines)

    def _render_latex(self) -> str:
        caption = self.latex_title if self.latex_title is not None else _latex_escape(self.title)
        aligns = "".join(self._alignments())
        lines = [f"% {self._provenance_line()}",
                 "% requires \\usepackage{booktabs} and, for math in cells or notes, \\usepackage{amsmath}",
                 "\\begin{table}[ht]", "\\centering", f"\\caption{{{caption}}}",
                 f"\\begin{{tabular}}{{{aligns}}}", "\\toprule",
                 " & ".join(self.latex_columns if self.latex_columns is not None
                            else [_latex_escape(c) for c in self.columns]) + " \\\\", "\\midrule"]
        lines += [" & ".join(_cell_latex(c) for c in r) + " \\\\" for r in self.rows]
        lines += ["\\bottomrule", "\\end{tabular}"]
        notes = list(self.latex_notes) if self.latex_notes is not None else [_latex_escape(n) for n in self.notes]
        if notes:
            lines.append("\\par\\smallskip\\footnotesize " + " ".join(notes))
        lines.append("\\end{table}")
        return "\n".join(lines)

    def _render_csv(self) -> str:
        buf = io.StringIO()
        # title, notes and provenance as leading comment lines (read_csv(comment="#") skips them)
        for line in [self.title, *(f"note: {n}" for n in self.notes), self._provenance_line()]:
            buf.write("# " + " ".join(line.splitlines()) + "\n")
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(self.columns)
        for r in self.rows:
            writer.writerow([_cell_text(c) for c in r])
        return buf.getvalue()

    def _render_json(self) -> str:
        doc = {"title": self.title, "columns": list(self.columns),
               "rows": [[_cell_json(c) for c in r] for r in self.rows],
               "notes": list(self.notes), "provenance": self.provenance()}
        return json.dumps(doc, indent=2)

    def _repr_markdown_(self) -> str:
        return self.render("md")

    def __str__(self) -> str:
        return self.render("text")

    # -- files ----------------------------------------------------------------------
    def write(self, path: str | os.PathLike[str], fmt: str | None = None) -> Path:
        """Write the table to ``path`` atomically; the format defaults from the suffix.

        Raises
        ------
        InvalidInputError
            If the format is unknown or cannot be inferred, or the folder does not exist.
        """
        if fmt is None:
            fmt = _SUFFIX_FORMAT.get(Path(path).suffix.lower())
            if fmt is None:
                raise InvalidInputError(
                    f"invalid output file {str(path)!r}: cannot infer the format from its suffix; "
                    "pass --format md|latex|csv|json|text"
                )
        text = self.render(fmt)
        if not text.endswith("\n"):
            text += "\n"
        return atomic_write_text(path, text)
