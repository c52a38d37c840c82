"""The extractors. Importing them first fills `re`'s cache with the patterns an earlier run
compiled (see vbparse.regex_cache): a cold start then compiles almost none of theirs."""

from ..regex_cache import load as _load_regex_cache

_load_regex_cache()
