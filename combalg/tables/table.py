"""The [`Table`][Table] value object and its renderers.

A table carries its provenance (combalg version, parameters, wall time, date)
so that a table pasted into a paper can be regenerated.  Rendering is pure;
[`Table.save`][Table.save] writes atomically through
[`combalg.core.files.atomic_write_text`][combalg.core.files.atomic_write_text] (temporary file in the same
folder, then rename; mode ``0o666 & ~umask``).

Formats
-------
``text``
    Aligned columns for a terminal, provenance on the last line.
``md``
    A GitHub pipe table; ``|`` is escaped in every cell, provenance in an
    HTML comment.
``latex``
    A ``booktabs`` table for ``\\documentclass{article}`` (needs the packages
    ``booktabs`` and ``amsmath``; ``rotating`` for ``landscape=True``), in
    ``\\small`` type, with stacked column headers, inline fractions ``a/b``,
    numbers longer than [`LATEX_DIGITS`][LATEX_DIGITS] characters continued on further
    lines of their cell,
    a ``\\label`` when asked, and the provenance in a ``%`` comment.  More than
    [`LONG_TABLE_ROWS`][LONG_TABLE_ROWS] rows give a ``longtable`` (package ``longtable``)
    that breaks across pages.
``csv``
    The header row first, then one row per table row; title, notes and
    provenance go to a sidecar ``FILE.meta.json`` when saved (or, with
    ``provenance_comments=True``, to leading ``#`` lines).
``json``
    Title, columns, rows, notes and provenance; exact numbers are strings
    (``"429"``, ``"-3/4"``), so that no reader rounds them.
"""

from __future__ import annotations

import csv
import datetime as _dt
import html
import io
import json
import os
import textwrap
import unicodedata
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any, Mapping, Sequence

from combalg import __version__
from combalg.core.bignum import int_text, short_repr
from combalg.core.errors import InvalidInputError
from combalg.core.validation import seconds_arg
from combalg.core.files import atomic_write_text
from combalg.core.latex import escape_text

__all__ = ["Table", "FORMATS", "atomic_write_text", "LONG_TABLE_ROWS", "LATEX_DIGITS", "latex_text"]

#: the formats understood by [`Table.render`][Table.render]
FORMATS = ("text", "md", "latex", "csv", "json")

#: tables with more rows than this are typeset as a ``longtable`` (breaks across pages)
LONG_TABLE_ROWS = 40

#: longer numbers (digits, sign and slash) continue on a further line of their LaTeX cell
LATEX_DIGITS = 10

# from this many columns on, the LaTeX table uses 4pt instead of 6pt between columns
_NARROW_COLUMNS = 7

_SUFFIX_FORMAT = {".md": "md", ".markdown": "md", ".tex": "latex", ".csv": "csv", ".json": "json", ".txt": "text"}

# symbols that occur in combalg's plain-text titles and notes, as LaTeX (math in text mode)
_UNICODE_LATEX = {
    "↔": r"\ensuremath{\leftrightarrow}", "⇌": r"\ensuremath{\rightleftharpoons}", "⊎": r"\ensuremath{\uplus}",
    "⊥": r"\ensuremath{\perp}", "·": r"\ensuremath{\cdot}", "×": r"\ensuremath{\times}",
    "≤": r"\ensuremath{\le}", "≥": r"\ensuremath{\ge}", "≠": r"\ensuremath{\ne}", "⊗": r"\ensuremath{\otimes}",
    "λ": r"\ensuremath{\lambda}", "μ": r"\ensuremath{\mu}", "ν": r"\ensuremath{\nu}", "Λ": r"\ensuremath{\Lambda}",
    "π": r"\ensuremath{\pi}", "∑": r"\ensuremath{\sum}", "∏": r"\ensuremath{\prod}", "→": r"\ensuremath{\to}",
    "←": r"\ensuremath{\leftarrow}", "∈": r"\ensuremath{\in}", "√": r"\ensuremath{\surd}", "…": r"\dots{}",
    "–": "--", "—": "---", "’": "'", "“": "``", "”": "''", "±": r"\ensuremath{\pm}", "∞": r"\ensuremath{\infty}",
    "∨": r"\ensuremath{\vee}", "∧": r"\ensuremath{\wedge}", "∪": r"\ensuremath{\cup}", "∩": r"\ensuremath{\cap}",
    "⊆": r"\ensuremath{\subseteq}", "⊂": r"\ensuremath{\subset}", "∅": r"\ensuremath{\emptyset}",
    "≈": r"\ensuremath{\approx}", "↦": r"\ensuremath{\mapsto}", "⇒": r"\ensuremath{\Rightarrow}",
    "⇔": r"\ensuremath{\Leftrightarrow}", "∘": r"\ensuremath{\circ}",
    "≅": r"\ensuremath{\cong}", "≡": r"\ensuremath{\equiv}", "⊕": r"\ensuremath{\oplus}", "²": r"\ensuremath{^2}",
}


def latex_text(text: str) -> str:
    """``text`` for LaTeX text mode: special characters escaped, common math symbols as commands.

    >>> latex_text("V_SP ↔ V_PQ, 50%")
    'V\\\\_SP \\\\ensuremath{\\\\leftrightarrow} V\\\\_PQ, 50\\\\%'
    """
    if not isinstance(text, str):
        raise InvalidInputError(f"invalid text {short_repr(text)}: expected a string")
    return "".join(_UNICODE_LATEX.get(ch) or _greek(ch) or escape_text(ch) for ch in text)


_GREEK_CAPITALS = {"gamma", "delta", "theta", "lambda", "xi", "pi", "sigma", "upsilon", "phi", "psi", "omega"}


def _greek(ch: str) -> str | None:
    """A Greek letter as its LaTeX command (``α`` -> ``\\ensuremath{\\alpha}``), else ``None``."""
    if ch.isascii():
        return None
    name = unicodedata.name(ch, "")
    for prefix, upper in (("GREEK SMALL LETTER ", False), ("GREEK CAPITAL LETTER ", True)):
        if name.startswith(prefix):
            word = name[len(prefix):].lower()
            if word == "lamda":
                word = "lambda"
            if " " in word or word == "omicron" or (upper and word not in _GREEK_CAPITALS):
                return None
            return "\\ensuremath{\\" + (word.capitalize() if upper else word) + "}"
    return None


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return int_text(value)
    if isinstance(value, Fraction):
        return int_text(value.numerator) if value.denominator == 1 else \
            f"{int_text(value.numerator)}/{int_text(value.denominator)}"
    return _str(value)


def _str(value: Any) -> str:
    """``str(value)``, exact for ints of any size, short for values ``str`` cannot show."""
    if isinstance(value, int) and not isinstance(value, bool):
        return int_text(value)
    try:
        return str(value)
    except (RecursionError, ValueError):  # deeply nested values; ints past Python's digit limit inside
        return short_repr(value)


# nested lists in a cell or parameter are written out to this depth (deeper ones in short form)
_NESTING = 20


def _param_text(value: Any, depth: int = 0) -> str:
    if isinstance(value, (list, tuple)) and depth < _NESTING:
        return "[" + ", ".join(_param_text(v, depth + 1) for v in value) + "]"
    return _cell_text(value)


def _long_number(text: str) -> str:
    """A number in math mode; past [`LATEX_DIGITS`][LATEX_DIGITS] characters it continues on further lines of the cell."""
    if len(text) <= LATEX_DIGITS:
        return text if text.isdigit() else f"${text}$"
    # a taller row instead of a wider column: chunks stacked, right-aligned
    chunks = [text[i:i + LATEX_DIGITS] for i in range(0, len(text), LATEX_DIGITS)]
    return "\\begin{tabular}[t]{@{}r@{}}" + " \\\\ ".join(f"${c}$" for c in chunks) + "\\end{tabular}"


def _cell_latex(value: Any) -> str:
    if isinstance(value, bool):
        return _cell_text(value)
    if isinstance(value, (int, Fraction)):
        # inline a/b: a stacked fraction would collide with the rows above and below
        return _long_number(_cell_text(value))
    latex = getattr(value, "_repr_latex_", None)
    if callable(latex) and not isinstance(value, str):
        text = latex()
        if isinstance(text, str) and text:
            return text if text.startswith("$") else f"${text}$"
    return latex_text(_cell_text(value))


def _cell_json(value: Any, depth: int = 0) -> Any:
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, Fraction)):  # exact: a string, so that no JSON reader rounds it
        return _cell_text(value)
    if isinstance(value, float):  # wall times only
        return value
    if isinstance(value, (list, tuple)) and depth < _NESTING:
        return [_cell_json(v, depth + 1) for v in value]
    return _cell_text(value)


def _is_numeric(value: Any) -> bool:
    return isinstance(value, (int, Fraction)) and not isinstance(value, bool)


def _md_escape(text: str) -> str:
    # a pipe ends a cell even inside code spans in GitHub's tables; newlines end the row
    return " ".join(text.replace("\\", "\\\\").replace("|", r"\|").splitlines())


def _latex_header(header: str, align: str) -> str:
    r"""A header cell; ``\\`` in it stacks the lines (keeps a narrow column narrow)."""
    if "\\\\" not in header:
        return header
    return f"\\begin{{tabular}}[b]{{@{{}}{align}@{{}}}}{header}\\end{{tabular}}"


def _text(name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise InvalidInputError(f"invalid {name} {short_repr(value)}: expected a string")
    return value


def _check_label(label: Any) -> str:
    if not isinstance(label, str) or any(ch in label for ch in "{}\\%#$ \n"):
        raise InvalidInputError(f"invalid label {short_repr(label)}: expected a LaTeX label such as tab:asm")
    return label


@dataclass
class Table:
    r"""A titled table with notes and provenance.

    The constructor is public: any code that has rows can build a table and
    get every format and [`save`][save] (``combalg.tables.make`` builds the
    library's own tables with it).

    Parameters
    ----------
    title : str
        Caption of the table (sentence case).
    columns : list of str
        Column headers.
    rows : list of list
        Cells: ints, Fractions, bools, strings, or objects with ``_repr_latex_``.
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
        source (used verbatim, e.g. with ``$|\Lambda|$``; ``\\`` in a header
        stacks it on two lines) for the LaTeX rendering; the plain ``title``,
        ``columns`` and ``notes`` are escaped and used otherwise.
    latex_align : list of str, optional
        LaTeX column specifications, one per column (e.g. ``p{0.3\linewidth}``
        for a column of long text that should wrap); by default ``r`` for
        numeric columns and ``l`` otherwise.
    label : str, optional
        The LaTeX ``\label`` (e.g. ``"tab:asm"``).
    landscape : bool
        Typeset the LaTeX table rotated (``sidewaystable`` of the package
        ``rotating``), for tables too wide for the text block.
    latex_long : bool, optional
        Typeset the LaTeX as a ``longtable`` that breaks across pages (default:
        when there are more than [`LONG_TABLE_ROWS`][LONG_TABLE_ROWS] rows).
    source : str, optional
        How to regenerate the table (e.g. the ``combalg table`` command line),
        recorded in the provenance.

    Examples
    --------
    >>> from fractions import Fraction
    >>> t = Table("Demo", ["x", "value"], [[1, Fraction(1, 2)], [2, 3]], notes=["exact"])
    >>> print(t.render("csv").strip())
    x,value
    1,1/2
    2,3
    >>> print(t.render("latex", label="tab:demo"))  # doctest: +ELLIPSIS
    % generated by combalg ...
    % requires \usepackage{booktabs} and \usepackage{amsmath}
    \begin{table}[htbp]
    \centering
    \small
    \caption{Demo}
    \label{tab:demo}
    \begin{tabular}{rr}
    \toprule
    x & value \\
    \midrule
    1 & $1/2$ \\
    2 & 3 \\
    \bottomrule
    \end{tabular}
    ...
    >>> t.render("json").count('"1/2"')
    1
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
    latex_align: Sequence[str] | None = None
    label: str | None = None
    landscape: bool = False
    latex_long: bool | None = None
    source: str | None = None
    created: str = field(default_factory=lambda: _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))

    def __post_init__(self) -> None:
        from combalg.core.validation import flag_arg, rows_arg, sequence_arg

        self.title = _text("title", self.title)
        self.columns = [_str(c) for c in sequence_arg("columns", self.columns)]
        self.rows = rows_arg("rows", self.rows)
        self.notes = [_str(n) for n in sequence_arg("notes", self.notes)]
        if self.parameters is not None and not isinstance(self.parameters, Mapping):
            raise InvalidInputError(f"invalid parameters {short_repr(self.parameters)}: expected a dict or None")
        self.parameters = dict(self.parameters or {})
        if self.wall_time is not None:
            self.wall_time = seconds_arg("wall_time", self.wall_time)
        if not isinstance(self.text_widths, Mapping) or not all(
                isinstance(w, int) and not isinstance(w, bool) and w > 0 for w in self.text_widths.values()):
            raise InvalidInputError(
                f"invalid text_widths {short_repr(self.text_widths)}: expected a dict {{column: positive width}}")
        for name in ("latex_title", "source"):
            if getattr(self, name) is not None:
                _text(name, getattr(self, name))
        self.created = _text("created", self.created)
        if self.latex_notes is not None:
            self.latex_notes = [_text("latex_notes item", n) for n in sequence_arg("latex_notes", self.latex_notes)]
        self.landscape = flag_arg("landscape", self.landscape)
        if self.latex_long is not None:
            self.latex_long = flag_arg("latex_long", self.latex_long)
        if self.label is not None:
            _check_label(self.label)
        if self.latex_columns is not None:
            self.latex_columns = [_str(c) for c in sequence_arg("latex_columns", self.latex_columns)]
            if len(self.latex_columns) != len(self.columns):
                raise InvalidInputError(
                    f"invalid latex_columns {short_repr(self.latex_columns)}: expected {len(self.columns)} headers, "
                    "one per column"
                )
        for i, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise InvalidInputError(
                    f"invalid table row {i} {short_repr(row)}: expected {len(self.columns)} cells, one per column"
                )
        if self.latex_align is not None:
            self.latex_align = [_str(a) for a in sequence_arg("latex_align", self.latex_align)]
            if len(self.latex_align) != len(self.columns):
                raise InvalidInputError(
                    f"invalid latex_align {short_repr(self.latex_align)}: expected {len(self.columns)} specifications")

    # -- provenance -----------------------------------------------------------------
    def provenance(self) -> dict[str, Any]:
        """The combalg version, creation date, parameters, wall time and source."""
        prov: dict[str, Any] = {"combalg": __version__, "created": self.created,
                                "parameters": {k: _cell_json(v) for k, v in self.parameters.items()}}
        if self.wall_time is not None:
            prov["wall_time_seconds"] = round(self.wall_time, 6)
        if self.source:
            prov["source"] = self.source
        return prov

    def _provenance_line(self, source: bool = True) -> str:
        params = ", ".join(f"{k}={_param_text(v)}" for k, v in self.parameters.items())
        parts = [f"combalg {__version__}", self.created]
        if params:
            parts.append(params)
        if self.wall_time is not None:
            parts.append(f"{self.wall_time:.3f} s")
        if self.source and source:
            parts.append(self.source)
        return "generated by " + "; ".join(parts)

    def _alignments(self) -> list[str]:
        aligns = []
        for j in range(len(self.columns)):
            cells = [r[j] for r in self.rows if r[j] is not None and r[j] != ""]
            aligns.append("r" if cells and all(_is_numeric(c) for c in cells) else "l")
        return aligns

    # -- renderers ------------------------------------------------------------------
    def render(self, fmt: str = "text", *, label: str | None = None, landscape: bool | None = None,
               provenance_comments: bool = False) -> str:
        """Return the table as ``text``, ``md``, ``latex``, ``csv`` or ``json``.

        Parameters
        ----------
        fmt : str
            One of [`FORMATS`][FORMATS].
        label, landscape : optional
            LaTeX only: override the table's ``label`` and ``landscape``.
        provenance_comments : bool
            CSV only: start with ``#`` lines holding the title, notes and
            provenance (``pandas.read_csv(comment="#")`` skips them; the
            ``csv`` module does not).
        """
        from combalg.core.validation import flag_arg

        if not isinstance(fmt, str) or fmt not in FORMATS:
            raise InvalidInputError(f"invalid table format {short_repr(fmt)}: expected one of {', '.join(FORMATS)}")
        if label is not None:
            _check_label(label)
        if landscape is not None:
            landscape = flag_arg("landscape", landscape)
        provenance_comments = flag_arg("provenance_comments", provenance_comments)
        if fmt == "latex":
            return self._render_latex(self.label if label is None else label,
                                      self.landscape if landscape is None else landscape)
        if fmt == "csv":
            return self._render_csv(provenance_comments)
        return getattr(self, f"_render_{fmt}")()

    def to_markdown(self) -> str:
        """Markdown (GitHub pipe table)."""
        return self.render("md")

    def to_latex(self, label: str | None = None, landscape: bool | None = None) -> str:
        """LaTeX with booktabs rules (see [`render`][render])."""
        return self.render("latex", label=label, landscape=landscape)

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
        cells = [[_md_escape(c) for c in self.columns]] + [[_md_escape(_cell_text(c)) for c in r] for r in self.rows]
        widths = [max(3, max(len(row[j]) for row in cells)) for j in range(len(self.columns))]
        aligns = self._alignments()

        def fmt_row(row: Sequence[str]) -> str:
            return "| " + " | ".join(c.rjust(w) if a == "r" else c.ljust(w)
                                      for c, w, a in zip(row, widths, aligns)) + " |"

        rule = "|" + "|".join((":" + "-" * (w + 1)) if a == "l" else ("-" * (w + 1) + ":")
                              for w, a in zip(widths, aligns)) + "|"
        lines = [f"**{_md_escape(self.title)}**", "", fmt_row(cells[0]), rule] + [fmt_row(r) for r in cells[1:]]
        if self.notes:
            lines.append("")
            lines += [f"*Note:* {_md_escape(n)}" for n in self.notes]
        lines += ["", f"<!-- {self._provenance_line(source=False)} -->"]
        return "\n".join(lines)

    def _render_latex(self, label: str | None, landscape: bool) -> str:
        if label is not None:
            _check_label(label)
        caption = self.latex_title if self.latex_title is not None else latex_text(self.title)
        aligns = self._alignments()
        headers = self.latex_columns if self.latex_columns is not None else [latex_text(c) for c in self.columns]
        header = " & ".join(_latex_header(h, "c") for h in headers) + " \\\\"
        body = [" & ".join(_cell_latex(c) for c in r) + " \\\\" for r in self.rows]
        notes = list(self.latex_notes) if self.latex_notes is not None else [latex_text(n) for n in self.notes]
        packages = ["booktabs", "amsmath"]
        long = (len(self.rows) > LONG_TABLE_ROWS if self.latex_long is None else self.latex_long) and not landscape
        if long:
            packages.append("longtable")
        if landscape:
            packages.append("rotating")
        if any(">{" in a for a in (self.latex_align or ())):
            packages.append("array")
        need = " and ".join(f"\\usepackage{{{p}}}" for p in packages)
        lines = [f"% {' '.join(self._provenance_line().splitlines())}", f"% requires {need}"]
        spec = "".join(self.latex_align if self.latex_align is not None else aligns)
        if long:
            # a long table breaks across pages; its header repeats on every page
            lines += ["\\begingroup", "\\small"]
            if len(aligns) >= _NARROW_COLUMNS or self.latex_align is not None:
                lines.append("\\setlength{\\tabcolsep}{4pt}")
            lines += [f"\\begin{{longtable}}{{{spec}}}", f"\\caption{{{caption}}}"
                      + (f"\\label{{{label}}}" if label else "") + " \\\\", "\\toprule", header, "\\midrule",
                      "\\endfirsthead", f"\\multicolumn{{{len(aligns)}}}{{l}}{{\\small\\emph{{(continued)}}}} \\\\",
                      "\\toprule", header, "\\midrule", "\\endhead", "\\bottomrule", "\\endlastfoot"]
            lines += body
            lines.append("\\end{longtable}")
            if notes:
                lines.append("{\\footnotesize " + " ".join(notes) + "\\par}")
            lines.append("\\endgroup")
            return "\n".join(lines)
        env = "sidewaystable" if landscape else "table"
        lines += [f"\\begin{{{env}}}" + ("" if landscape else "[htbp]"), "\\centering", "\\small"]
        if len(aligns) >= _NARROW_COLUMNS or self.latex_align is not None:  # many columns: narrower gaps (local to the float)
            lines.append("\\setlength{\\tabcolsep}{4pt}")
        lines.append(f"\\caption{{{caption}}}")
        if label:
            lines.append(f"\\label{{{label}}}")
        lines += [f"\\begin{{tabular}}{{{spec}}}", "\\toprule", header, "\\midrule", *body,
                  "\\bottomrule", "\\end{tabular}"]
        if notes:
            lines.append("\\par\\smallskip{\\footnotesize " + " ".join(notes) + "\\par}")
        lines.append(f"\\end{{{env}}}")
        return "\n".join(lines)

    def _render_csv(self, provenance_comments: bool = False) -> str:
        buf = io.StringIO()
        if provenance_comments:
            for line in [self.title, *(f"note: {n}" for n in self.notes), self._provenance_line()]:
                buf.write("# " + " ".join(line.splitlines()) + "\n")
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(self.columns)
        for r in self.rows:
            writer.writerow([_cell_text(c) for c in r])
        return buf.getvalue()

    def metadata(self) -> dict[str, Any]:
        """Title, columns, notes and provenance (what the CSV sidecar ``FILE.meta.json`` holds)."""
        return {"title": self.title, "columns": list(self.columns), "notes": list(self.notes),
                "provenance": self.provenance()}

    def _render_json(self) -> str:
        doc = {"title": self.title, "columns": list(self.columns),
               "rows": [[_cell_json(c) for c in r] for r in self.rows],
               "notes": list(self.notes), "provenance": self.provenance()}
        return json.dumps(doc, indent=2, ensure_ascii=False)

    # -- notebooks ----------------------------------------------------------------
    def _repr_html_(self) -> str:
        esc = html.escape
        aligns = self._alignments()
        head = "".join(f"<th>{esc(c)}</th>" for c in self.columns)
        body = "".join(
            "<tr>" + "".join(f'<td style="text-align:{"right" if a == "r" else "left"}">{esc(_cell_text(c))}</td>'
                             for c, a in zip(r, aligns)) + "</tr>" for r in self.rows)
        notes = "".join(f"<br><small>{esc(n)}</small>" for n in self.notes)
        return (f"<table><caption>{esc(self.title)}</caption><thead><tr>{head}</tr></thead>"
                f"<tbody>{body}</tbody></table><small>{esc(self._provenance_line())}</small>{notes}")

    def _repr_latex_(self) -> str:
        return self.render("latex")

    def _repr_markdown_(self) -> str:
        return self.render("md")

    def __str__(self) -> str:
        return self.render("text")

    # -- files ----------------------------------------------------------------------
    def save(self, path: str | os.PathLike[str], format: str | None = None, *, label: str | None = None,
             landscape: bool | None = None, provenance_comments: bool = False) -> Path:
        """Write the table to ``path`` atomically; the format defaults from the suffix.

        A CSV file gets a sidecar ``FILE.meta.json`` with the title, notes and
        provenance (unless ``provenance_comments`` puts them in ``#`` lines).
        Files get mode ``0o666 & ~umask`` (or keep the mode of the file they
        replace).

        Parameters
        ----------
        path : str or path-like
        format : str, optional
            One of [`FORMATS`][FORMATS]; by default from the suffix (``.md``,
            ``.tex``, ``.csv``, ``.json``, ``.txt``).
        label, landscape, provenance_comments
            As in [`render`][render].

        Returns
        -------
        pathlib.Path
            The path written.

        Raises
        ------
        InvalidInputError
            If the format is unknown or cannot be inferred, or the path cannot
            be written (a one-line message; no partial file is left).
        """
        if not isinstance(path, (str, os.PathLike)) or (isinstance(path, str) and not path):
            raise InvalidInputError(f"invalid path {short_repr(path)}: expected a file name (str or path-like)")
        fmt = format
        if fmt is not None and (not isinstance(fmt, str) or fmt not in FORMATS):
            raise InvalidInputError(f"invalid table format {short_repr(fmt)}: expected one of {', '.join(FORMATS)}")
        if fmt is None:
            fmt = _SUFFIX_FORMAT.get(Path(path).suffix.lower())
            if fmt is None:
                raise InvalidInputError(
                    f"invalid output file {str(path)!r}: cannot infer the format from its suffix; "
                    f"expected one of {', '.join(sorted(_SUFFIX_FORMAT))} or an explicit format"
                )
        text = self.render(fmt, label=label, landscape=landscape, provenance_comments=provenance_comments)
        if not text.endswith("\n"):
            text += "\n"
        target = atomic_write_text(path, text)
        if fmt == "csv" and not provenance_comments:
            atomic_write_text(f"{path}.meta.json", json.dumps(self.metadata(), indent=2, ensure_ascii=False) + "\n")
        return target

    def write(self, path: str | os.PathLike[str], fmt: str | None = None, **options: Any) -> Path:
        """The same as [`save`][save] (kept for existing scripts)."""
        return self.save(path, fmt, **options)
