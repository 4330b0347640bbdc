"""The exact core: errors, truncated series, Laurent polynomials, exact linear
algebra and safe parsing.  Nothing here imports the rest of combalg."""

from combalg.core.checks import CheckResult, Mismatch
from combalg.core.encoding import ExactJSONEncoder, to_jsonable

__all__ = ["CheckResult", "Mismatch", "ExactJSONEncoder", "to_jsonable"]
