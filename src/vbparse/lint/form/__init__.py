"""The form check of Nghị định 30/2020/NĐ-CP: rules as data (tables.py), the components of a
document found in its paragraphs (parts.py), the checks (check.py: page, font, sizes, emphasis,
alignment, side; signing.py: KT., TM., TL., TUQ., Q.; stray.py: characters inside words) and the
safe rewrite of the form (fix.py, `vbparse lint --fix`)."""
