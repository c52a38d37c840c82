"""The lint of one document: form rules of Nghị định 30/2020/NĐ-CP and the document's own
consistency (`runner` runs the `rules/` over the types of `types`). Submodules are imported where
used, so `vbparse parse` stays fast."""
