"""Checking documents: a school's plan against the district plan it implements (`compare`,
`findings`, `similarity`, `report`), and the format lint. Submodules are imported where used;
this package imports nothing itself, so `vbparse parse` stays fast."""
