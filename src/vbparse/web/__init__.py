"""vbparse serve: the web application (see app.py)."""
