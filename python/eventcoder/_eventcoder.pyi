from typing import Final

__version__: Final[str]
EXAMPLE_ARTICLE: Final[str]

class Token:
    """One token. ``span`` is a pair of string indices into the tokenized text."""

    @property
    def text(self) -> str: ...
    @property
    def span(self) -> tuple[int, int]: ...
    @property
    def kind(self) -> str:
        """One of: word, number, punct, quote, possessive, symbol, url, handle, hashtag."""
    @property
    def norm(self) -> str:
        """The normalized form (straight quotes, ASCII dashes); case is kept."""
    def __init__(self, text: str, span: tuple[int, int], kind: str, norm: str) -> None: ...

def tokenize(text: str) -> list[Token]:
    """Tokenize ``text``; never raises on any string and never loses text."""
