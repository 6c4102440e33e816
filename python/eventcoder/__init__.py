"""eventcoder: fast, explainable political event coding (CAMEO / PLOVER) from raw English news.

All spans are Python string indices: ``text[start:end]`` gives back the spanned text.
"""

from eventcoder._eventcoder import EXAMPLE_ARTICLE, Token, __version__, tokenize

__all__ = ["EXAMPLE_ARTICLE", "Token", "__version__", "tokenize"]
