"""Batch import of an archive: walk folders, parse files in parallel worker processes, and store
each result as it comes into a JSON Lines file or a SQLite registry that can be searched and
exported. A rerun skips what is stored and unchanged, so an interrupted import just resumes.
"""

from .._callable import callable_package

callable_package(__name__, "batch")  # vbparse.batch(paths, db=…) is the API function
