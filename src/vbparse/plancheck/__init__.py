"""The comparison of a plan with the parent plan it implements: `align` (parent items matched to
child passages), `similarity`, `findings` (consistency), `report`. Submodules are imported where
used, so `vbparse parse` stays fast."""
