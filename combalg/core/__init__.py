"""The exact core: errors, truncated series, Laurent polynomials, exact linear
algebra and safe parsing.  Nothing here imports the rest of combalg."""
