"""A paper table, from Python to PDF.

Builds the alternating-sign-matrix table (the counts A_n and the x-enumerations
A(n; x) for x = 1, 2, 3, each total checked against the product formula), saves it
as LaTeX with a label, as CSV (with a sidecar FILE.meta.json holding the provenance)
and as Markdown, then wraps the LaTeX in a minimal article and compiles it with
pdflatex when pdflatex is installed. The .tex file is what you \\input into a paper
(it needs \\usepackage{booktabs,amsmath}); the provenance comment at its top says
how to regenerate it.
"""

import shutil
import subprocess

from _common import out_dir, pick

from combalg.tables import make

out = out_dir()
table = make("asm", n=range(1, pick(6, 11)), x=[1, 2, 3])
tex = table.save(out / "asm_table.tex", label="tab:asm")
table.save(out / "asm_table.csv")
table.save(out / "asm_table.md")
print(table)

doc = out / "asm_table_doc.tex"
doc.write_text("\\documentclass{article}\n\\usepackage{booktabs}\n\\usepackage{amsmath}\n"
               "\\begin{document}\nTable~\\ref{tab:asm} counts alternating sign matrices.\n"
               f"\\input{{{tex.name}}}\n\\end{{document}}\n")
if shutil.which("pdflatex"):
    for _ in range(2):  # twice, for the \ref
        r = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", doc.name], cwd=out,
                           capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"pdflatex failed; see {out / 'asm_table_doc.log'}")
    print(f"wrote {out / 'asm_table_doc.pdf'}")
else:
    print(f"pdflatex not found: compile {doc} yourself")
