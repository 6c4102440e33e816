"""Type stubs of the compiled extension ``eventcoder._eventcoder``.

Every span is a pair of Python string indices into the coded text: ``text[start:end]`` gives
back the spanned text, also for non-ASCII text. A document coded with ``html=True`` has the HTML
as its text: a span then gives back the source markup (``"Bosnia &amp; Herzegovina"``), and the
``text`` fields hold the decoded visible text (``"Bosnia & Herzegovina"``).
"""

import datetime
from collections.abc import Iterable, Iterator, Mapping
from os import PathLike
from typing import Any, Final, Literal, TypeAlias, final, overload

__all__ = [
    "__version__",
    "EXAMPLE_ARTICLE",
    "MAX_ARTICLE_BYTES",
    "MAX_DICTIONARY_BYTES",
    "COLUMNS",
    "COLUMN_TYPES",
    "DATE_SOURCES",
    "LOCATION_SOURCES",
    "InvalidInputError",
    "InvalidDateError",
    "DictionaryError",
    "InputTooLargeError",
    "Token",
    "Actor",
    "Cameo",
    "Plover",
    "Location",
    "Evidence",
    "Mention",
    "Issue",
    "Event",
    "Sentence",
    "Dateline",
    "DateSpan",
    "DateMention",
    "Document",
    "Coder",
    "LoadSummary",
    "FileSummary",
    "Results",
    "CodingError",
    "ArrowBatches",
    "tokenize",
    "code",
    "parse",
    "_columns",
    "_arrow_table",
    "_run_cli",
]

__version__: Final[str]
EXAMPLE_ARTICLE: Final[str]
MAX_ARTICLE_BYTES: Final[int]
"""The largest article coded, in UTF-8 bytes; larger ones raise :class:`InputTooLargeError`."""
MAX_DICTIONARY_BYTES: Final[int]
"""The largest user dictionary file read (64 MiB); a larger one raises :class:`DictionaryError`."""
COLUMNS: Final[list[str]]
"""The columns of :func:`eventcoder.to_pandas` and :func:`eventcoder.to_arrow`, in order. The
last, ``issues``, lists an event's issues as ``"CATEGORY:CODE"`` strings when its coder has a
PETRARCH issues file, and is missing (``None``) otherwise."""
COLUMN_TYPES: Final[list[tuple[str, str, bool]]]
"""``(name, Arrow type, nullable)`` of each column, in order."""

_DateSource: TypeAlias = Literal["explicit", "continued", "dateline", "published", "none"]
"""How an event's date was found: ``explicit`` (a date in its sentence), ``continued`` (a
follow-up sentence keeps the date of the event before it), ``dateline``, ``published`` (the
article's date) or ``none``."""
_LocationSource: TypeAlias = Literal["sentence", "dateline"]
"""Where an event's location was found: its sentence or the article's dateline."""
DATE_SOURCES: Final[list[_DateSource]]
"""Every value of :attr:`Event.date_source`, from the Rust library's ``DateSource``."""
LOCATION_SOURCES: Final[list[_LocationSource]]
"""Every value of :attr:`Location.source`, from the Rust library's ``LocationSource``."""

class InvalidInputError(ValueError):
    """Bad input (an article, a date, a dictionary, a data file, a coder option such as
    ``min_confidence`` outside 0 to 1): the base of eventcoder's ``ValueError`` subclasses. A
    file that cannot be read raises :class:`OSError` (such as :class:`FileNotFoundError`)
    instead."""

class InvalidDateError(InvalidInputError):
    """A date that is no valid ``YYYY-MM-DD`` date."""

    value: str
    """The date as given."""

class DictionaryError(InvalidInputError):
    """A user dictionary has a malformed line, invalid UTF-8, or is larger than
    :data:`MAX_DICTIONARY_BYTES` (also a bad line of a PETRARCH/TABARI file under
    ``Coder(petrarch_strict=True)``); the message gives file:line:column."""

    file: str
    """The dictionary file, as given."""
    line: int | None
    """The 1-based line of the fault (``None`` for a file that is too large)."""
    column: int | None
    """The 1-based column (in characters) of the offending field (``None`` for a file that is
    too large)."""

class InputTooLargeError(InvalidInputError):
    """An article is larger than :data:`MAX_ARTICLE_BYTES`."""

_Published: TypeAlias = str | datetime.date | datetime.datetime | None
"""A published date: a string read as the CLI reads dates (``"YYYY-MM-DD"``, or an ISO 8601
timestamp such as ``"2018-03-17T09:30:00Z"``, by the date written in it), a ``date`` or a
``datetime`` (by its date), or ``None`` or ``""`` for undated text (a leading
``date YYYY-MM-DD`` line still counts)."""

_Item: TypeAlias = (
    str
    | tuple[str, str]
    | tuple[str, str, _Published]
    | Mapping[str, Any]
)
"""One input of :meth:`Coder.code_many`: a text; ``(id, text)``; ``(id, text, published)``; or a
mapping with ``"text"`` and optional ``"id"`` and ``"published"`` keys."""

@final
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
    def __new__(cls, text: str, span: tuple[int, int], kind: str, norm: str) -> Token: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

def tokenize(text: str) -> list[Token]:
    """Tokenize ``text``; never raises on any string and never loses text."""

@final
class Actor:
    """One party to an event, resolved as of the article's date."""

    @property
    def text(self) -> str:
        """The mention as written."""
    @property
    def span(self) -> tuple[int, int]:
        """String indices of the mention: ``text[span[0]:span[1]] == actor.text``."""
    @property
    def country(self) -> str | None:
        """ISO 3166-1 alpha-3 code of the actor's state (``"RUS"``)."""
    @property
    def organization(self) -> str | None:
        """Organization code (``"EU"``, ``"UN"``, ``"NATO"``)."""
    @property
    def sector(self) -> str | None:
        """Sector: ``GOV``, ``MIL``, ``COP``, ``REB``, ``CVL``, ..."""
    @property
    def name(self) -> str | None:
        """The person's name, when the mention names one."""
    @property
    def code(self) -> str | None:
        """The CAMEO actor code (``"TJKGOV"``, ``"IGOEUREEC"``); ``None`` when unresolved (an unknown name)."""
    @property
    def inferred(self) -> bool:
        """Whether the state was inferred (from a place, the dateline or an earlier mention)."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Cameo:
    """The CAMEO coding of an event."""

    @property
    def code(self) -> str:
        """The event code (``"042"``)."""
    @property
    def root(self) -> str:
        """Its root (``"04"``)."""
    @property
    def label(self) -> str:
        """The codebook label."""
    @property
    def quad_class(self) -> int:
        """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    @property
    def goldstein(self) -> float:
        """The Goldstein score, -10 to 10, as written in the JSON (``3.4``)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class Plover:
    """The PLOVER coding of an event."""

    @property
    def type(self) -> str | None:
        """The event type (``"CONSULT"``); ``None`` for CAMEO 01x statements."""
    @property
    def mode(self) -> str | None: ...
    @property
    def contexts(self) -> list[str]:
        """Contexts from the CAMEO code, the sentence and the article (``"terrorism"``)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class Location:
    """Where an event happened."""

    @property
    def text(self) -> str:
        """The place as written."""
    @property
    def span(self) -> tuple[int, int]: ...
    @property
    def name(self) -> str:
        """The canonical place name."""
    @property
    def country(self) -> str | None:
        """ISO3 code of the place's state."""
    @property
    def source(self) -> _LocationSource:
        """``"sentence"`` or ``"dateline"``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class Evidence:
    """One mention of an event, as evidence for it; duplicates collapse into one
    :class:`Event` with several. (Rust's ``eventcoder::code::Evidence``; formerly ``Mention``.)"""

    @property
    def sentence_index(self) -> int: ...
    @property
    def trigger(self) -> str: ...
    @property
    def trigger_span(self) -> tuple[int, int]: ...
    @property
    def rule(self) -> str: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

Mention: TypeAlias = Evidence
"""Deprecated: the former name of :class:`Evidence` (``eventcoder.Mention`` warns)."""

@final
class Issue:
    """An issue of a PETRARCH issues file found in a sentence of an event
    (:attr:`Event.issues`; ``issues`` in the JSON record)."""

    @property
    def code(self) -> str:
        """The issue's code (``"REFUGEES"``)."""
    @property
    def category(self) -> str:
        """Its category: the ``<ISSUE CATEGORY=...>`` block it is in (``"MIGRATION"``)."""
    @property
    def text(self) -> str:
        """The phrase as written."""
    @property
    def span(self) -> tuple[int, int]:
        """String indices of the phrase."""
    @property
    def sentence_index(self) -> int:
        """0-based index of its sentence."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Event:
    """One coded event: who did what to whom, when and where, with its evidence."""

    @property
    def article_id(self) -> str | None:
        """The article's id; ``None`` for an article coded without one (``ec.code(text)``)."""
    @property
    def date(self) -> datetime.date | None:
        """When it happened; ``None`` when the article has no published date."""
    @property
    def date_source(self) -> _DateSource:
        """How the date was found: ``explicit``, ``continued``, ``dateline``, ``published`` or
        ``none`` (see :data:`DATE_SOURCES`)."""
    @property
    def source(self) -> Actor | None: ...
    @property
    def target(self) -> Actor | None:
        """Who was acted on; ``None`` for one-sided events ("X said")."""
    @property
    def cameo(self) -> Cameo: ...
    @property
    def plover(self) -> Plover: ...
    @property
    def sentence_index(self) -> int:
        """0-based index of the sentence of the first mention."""
    @property
    def sentence_span(self) -> tuple[int, int]: ...
    @property
    def sentence(self) -> str:
        """The text of the sentence of the first mention."""
    @property
    def trigger(self) -> str:
        """The words that triggered the event."""
    @property
    def trigger_span(self) -> tuple[int, int]: ...
    @property
    def rule(self) -> str:
        """The dictionary pattern (file:line and text) and the modifiers that produced it."""
    @property
    def confidence(self) -> float:
        """From 0 to 1, as written in the JSON (``0.9``, not ``0.8999999761581421``)."""
    @property
    def location(self) -> Location | None: ...
    @property
    def reported_by(self) -> str | None:
        """The outlet the article cites (``"Reuters"``)."""
    @property
    def negated(self) -> bool: ...
    @property
    def mentions(self) -> int:
        """How many times the article mentions this event: ``to_dict()["mentions"]``, the
        JSON's ``mentions`` and the ``mentions`` column."""
    @property
    def evidence(self) -> list[Evidence]:
        """The mentions themselves, the first one first (at most 100; :attr:`mentions` counts
        them all)."""
    @property
    def issues(self) -> list[Issue] | None:
        """The issues of the sentences the event is mentioned in, when the coder has a PETRARCH
        issues file (``[]`` if they have none); ``None`` without one."""
    def to_dict(self) -> dict[str, Any]:
        """The event as plain data: the same record as the CLI's JSON lines (``article_id`` is
        ``None`` for an article coded without an id)."""
    def to_json(self) -> str:
        """The event as one JSON line, as the CLI writes it (``"article_id": null`` for an
        article coded without an id)."""
    def _repr_html_(self) -> str: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class Sentence:
    """One sentence of a document."""

    @property
    def index(self) -> int: ...
    @property
    def span(self) -> tuple[int, int]: ...
    @property
    def text(self) -> str: ...
    @property
    def tokens(self) -> tuple[int, int]:
        """Its tokens: the range ``doc.tokens[start:end]``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class DateSpan:
    """A date written in the story body, resolved against the published date. (Rust's
    ``eventcoder::code::DateSpan``; formerly ``DateMention``.)"""

    @property
    def text(self) -> str:
        """As written (``"Monday"``, ``"last week"``, ``"Nov. 22, 2021"``)."""
    @property
    def span(self) -> tuple[int, int]: ...
    @property
    def date(self) -> datetime.date: ...
    @property
    def sentence_index(self) -> int: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

DateMention: TypeAlias = DateSpan
"""Deprecated: the former name of :class:`DateSpan` (``eventcoder.DateMention`` warns)."""

@final
class Dateline:
    """The wire-service dateline an article opens with (``"MOSCOW, Nov 22 (Reuters) -"``)."""

    @property
    def span(self) -> tuple[int, int]: ...
    @property
    def place(self) -> str:
        """The place as written (``"NEW DELHI"``)."""
    @property
    def place_span(self) -> tuple[int, int]: ...
    @property
    def region(self) -> str | None:
        """A region or country written with the place."""
    @property
    def date(self) -> datetime.date | None:
        """The date written in the dateline, resolved against the published date."""
    @property
    def outlet(self) -> str | None:
        """The outlet or agency written in it."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class Document:
    """A coded article: its text, sentences, tokens and events."""

    @property
    def id(self) -> str | None:
        """The article's id; ``None`` for an article coded without one."""
    @property
    def text(self) -> str: ...
    @property
    def published(self) -> datetime.date | None:
        """The published date used: the one given, else the article's ``date`` line."""
    @property
    def dateline(self) -> Dateline | None: ...
    @property
    def reported_by(self) -> str | None: ...
    @property
    def sentences(self) -> list[Sentence]: ...
    @property
    def tokens(self) -> list[Token]:
        """The tokens of the story body (after any date line and dateline).

        For a document coded with ``html=True``: the tokens of its visible text, each with its
        decoded text and the span of its source in the HTML.
        """
    @property
    def events(self) -> list[Event]:
        """The events, deduplicated, in order of first mention."""
    @property
    def dates(self) -> list[DateSpan]:
        """Every resolvable date written in the story body."""
    @property
    def issues(self) -> list[Issue]:
        """The issues of the coder's PETRARCH issues file the story mentions, in text order
        (``[]`` without one)."""
    @property
    def discarded(self) -> bool:
        """Whether a story discard phrase of the coder's discard list was found: then the story
        has no events."""
    @property
    def discarded_sentences(self) -> list[int]:
        """The sentences with a phrase of the coder's discard list (they have no events), in
        order."""
    def to_dict(self) -> dict[str, Any]:
        """Plain data: id, text, published, dateline, reported_by, sentences (index, span,
        token range), dates, issues (each with code, category, text, span and sentence),
        discards (each with sentence_index and story; both lists empty without a PETRARCH
        issues file or discard list) and events (each as :meth:`Event.to_dict`)."""
    def to_pandas(self) -> Any:
        """The events as a ``pandas.DataFrame`` (see :func:`eventcoder.to_pandas`)."""
    def to_arrow(self) -> Any:
        """The events as a ``pyarrow.Table`` (see :func:`eventcoder.to_arrow`)."""
    def _repr_html_(self) -> str: ...
    def __len__(self) -> int:
        """The number of events."""
    def __iter__(self) -> Iterator[Event]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class CodingError:
    """An input of :meth:`Coder.code_many` that could not be coded (``on_error="skip"``)."""

    @property
    def index(self) -> int:
        """The item's position in the input."""
    @property
    def id(self) -> str:
        """The item's id (its position when it has none)."""
    @property
    def message(self) -> str: ...

@final
class Results:
    """The documents of :meth:`Coder.code_many`, in input order."""

    @property
    def documents(self) -> list[Document]: ...
    @property
    def events(self) -> list[Event]:
        """Every event of every document, in input order."""
    @property
    def errors(self) -> list[CodingError]:
        """The inputs skipped with ``on_error="skip"``."""
    def to_pandas(self) -> Any:
        """All events as one ``pandas.DataFrame`` (see :func:`eventcoder.to_pandas`)."""
    def to_arrow(self) -> Any:
        """All events as one ``pyarrow.Table`` (see :func:`eventcoder.to_arrow`)."""
    def _repr_html_(self) -> str: ...
    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, index: int, /) -> Document: ...
    @overload
    def __getitem__(self, index: slice, /) -> list[Document]: ...
    def __iter__(self) -> Iterator[Document]: ...

_Texts: TypeAlias = Iterable[str | None] | Any
"""Texts of :meth:`Coder.code_arrow`: an iterable of ``str`` (``None`` codes as empty), or an
Arrow array of strings (anything with ``__arrow_c_array__`` or ``__arrow_c_stream__``: a
``pyarrow.Array`` or ``ChunkedArray`` of ``string``, ``large_string`` or ``string_view``)."""
_Ids: TypeAlias = Iterable[str | int | None] | Any
"""Ids of :meth:`Coder.code_arrow`: strs or ints (``None`` for the article's position), or an
Arrow array of strings or integers."""
_PublishedColumn: TypeAlias = Iterable[_Published] | Any
"""Published dates of :meth:`Coder.code_arrow`: values as ``published`` takes, or an Arrow array
of ``date32``, ``date64``, timestamps (by the date in their own time zone) or strings."""

@final
class ArrowBatches:
    """The iterator of :meth:`Coder.code_arrow_batches`: ``pyarrow.RecordBatch`` es of events,
    each coded as it is read. After an error it ends, like a generator."""

    def __iter__(self) -> ArrowBatches: ...
    def __next__(self) -> Any:
        """The next ``pyarrow.RecordBatch`` (the columns of :func:`eventcoder.arrow_schema`)."""
    @property
    def errors(self) -> list[CodingError]:
        """The inputs skipped so far with ``on_error="skip"`` (all of them once iterated to the
        end, when a ``RuntimeWarning`` also names them)."""

@final
class FileSummary:
    """What one PETRARCH/TABARI file gave (Rust's ``eventcoder::lexicon::petrarch::FileSummary``)."""

    @property
    def name(self) -> str:
        """The file's name, as given."""
    @property
    def kind(self) -> Literal["verbs", "actors", "agents", "discards", "issues"]: ...
    @property
    def entries(self) -> int:
        """Entries read: actors, agents, verbs and patterns, discard and issue phrases."""
    @property
    def skipped(self) -> int:
        """Bad lines skipped."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class LoadSummary:
    """What loading the PETRARCH/TABARI dictionaries gave (Rust's
    ``eventcoder::lexicon::petrarch::LoadSummary``): ``str()`` is the one line the command line
    prints (files, entries read, entries skipped, warnings by kind)."""

    @property
    def files(self) -> list[FileSummary]:
        """Each file, in load order (actors, agents, verbs, discards, issues)."""
    @property
    def entries(self) -> int:
        """Entries read, over every file."""
    @property
    def skipped(self) -> int:
        """Bad lines skipped, over every file."""
    @property
    def warnings(self) -> dict[str, int]:
        """Warnings by kind (``"bad_line"``, ``"duplicate_pattern"``, ...); kinds with none are
        left out."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

@final
class Coder:
    """Codes articles. Cheap to build, thread-safe, picklable.

    ``dictionaries`` are user dictionary files in the built-in TSV format, merged over the
    built-in lexicon. ``petrarch_dir`` loads every PETRARCH-1/TABARI dictionary of a folder, each
    file's kind from its name (``verb``, ``actors``, ``agents``, ``discard``, ``issue``);
    ``petrarch_verbs``, ``petrarch_actors`` (a list), ``petrarch_agents``,
    ``petrarch_discards`` and ``petrarch_issues`` name such files one by one. With
    ``builtin=False`` only the dictionaries given are used. A bad line of a PETRARCH/TABARI file
    is skipped with a warning (counted in :attr:`load_summary`), or with
    ``petrarch_strict=True`` raises :class:`DictionaryError`. The files are read when the coder
    is made and their contents travel with a pickled coder, so workers need not see them.
    """

    def __new__(
        cls,
        dictionaries: Iterable[str | PathLike[str]] | None = None,
        *,
        require_dyad: bool = False,
        keep_negated: bool = False,
        min_confidence: float = 0.0,
        petrarch_dir: str | PathLike[str] | None = None,
        petrarch_verbs: str | PathLike[str] | None = None,
        petrarch_actors: Iterable[str | PathLike[str]] | None = None,
        petrarch_agents: str | PathLike[str] | None = None,
        petrarch_discards: str | PathLike[str] | None = None,
        petrarch_issues: str | PathLike[str] | None = None,
        builtin: bool = True,
        petrarch_strict: bool = False,
    ) -> Coder: ...
    @property
    def dictionaries(self) -> list[str]:
        """The names of the user dictionaries, in merge order."""
    @property
    def builtin(self) -> bool:
        """Whether the built-in dictionaries are used (``False``: only the ones given)."""
    @property
    def load_summary(self) -> LoadSummary | None:
        """What loading the PETRARCH/TABARI dictionaries gave; ``None`` without them."""
    @property
    def require_dyad(self) -> bool: ...
    @property
    def keep_negated(self) -> bool: ...
    @property
    def min_confidence(self) -> float: ...
    def parse(
        self, text: str, published: _Published = None, id: str | None = None, *, html: bool = False
    ) -> Document:
        """Code one article into a :class:`Document`.

        ``id`` names the article: its :attr:`Document.id` and its events'
        :attr:`Event.article_id`, ``None`` without one (an empty id counts as none).

        With ``html=True`` the text is HTML: its visible text is coded (scripts, styles and the
        head skipped, block elements as paragraphs, character references decoded) and every
        offset is a string index into the HTML, so ``text[start:end]`` is the source markup
        (``"Russia&#8217;s"``) while ``Actor.text`` is the decoded text (``"Russia’s"``).
        """
    def code(
        self, text: str, published: _Published = None, id: str | None = None, *, html: bool = False
    ) -> list[Event]:
        """Code one article; only its events (``html=True``: see :meth:`parse`)."""
    def code_many(
        self,
        items: Iterable[_Item],
        threads: int | None = None,
        progress: bool = False,
        on_error: Literal["raise", "skip"] = "raise",
        chunk_size: int = 256,
        *,
        html: bool = False,
    ) -> Results:
        """Code many articles in parallel on Rust threads, without the GIL.

        ``threads=None`` uses every core. ``progress=True`` shows a tqdm bar (when tqdm is
        installed). With ``on_error="skip"``, inputs that cannot be coded (too large) are left
        out and listed in :attr:`Results.errors`; malformed items always raise. ``html=True``
        reads every text as HTML (see :meth:`parse`).
        """
    def code_arrow(
        self,
        texts: _Texts,
        ids: _Ids = None,
        published: _PublishedColumn = None,
        *,
        threads: int | None = None,
        batch_size: int = 1024,
        on_error: Literal["raise", "skip"] = "raise",
        html: bool = False,
    ) -> Any:
        """Code many articles into a ``pyarrow.Table`` of their events, in Rust on every core
        (``threads=None``) without the GIL: the columns of :func:`eventcoder.to_arrow`, built
        as Arrow arrays in Rust, with no Python object per event (nor per article, for Arrow
        input).

        ``texts``, ``ids`` and ``published`` are Python iterables or Arrow arrays, of the same
        length. A missing text (``None``, null) codes as empty. Without ``ids``, or for a
        missing one, an article's id is its position (as in :meth:`code_many`); integer ids are
        written as text. ``published`` takes what :meth:`code_many` takes, or Arrow dates,
        timestamps (by the date in their own time zone) or strings. The table equals
        ``to_arrow(code_many(zip(ids, texts, published)))``.

        Articles are coded ``batch_size`` at a time. ``on_error`` and ``html`` are as in
        :meth:`code_many`: an article over :data:`MAX_ARTICLE_BYTES` raises
        :class:`InputTooLargeError` naming its position and id, or with ``on_error="skip"`` is
        left out, and a ``RuntimeWarning`` at the end names the skipped articles
        (:attr:`ArrowBatches.errors` lists them all); a bad published date, or a value of the wrong type, always raises
        (``ValueError``, ``TypeError``) naming its position.
        """
    def code_arrow_batches(
        self,
        texts: _Texts,
        ids: _Ids = None,
        published: _PublishedColumn = None,
        *,
        threads: int | None = None,
        batch_size: int = 1024,
        on_error: Literal["raise", "skip"] = "raise",
        html: bool = False,
    ) -> ArrowBatches:
        """As :meth:`code_arrow`, for inputs too large to code at once: an iterator of
        ``pyarrow.RecordBatch``, the events of ``batch_size`` articles at a time (batches
        without events are left out), each coded as it is read. Iterables are read a batch at
        a time, so a generator of texts is never held whole.
        ``pyarrow.RecordBatchReader.from_batches(eventcoder.arrow_schema(), batches)`` makes
        it an Arrow stream.
        """
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...

def code(
    text: str, published: _Published = None, id: str | None = None, *, html: bool = False
) -> list[Event]:
    """Code one article with the shared default :class:`Coder`."""

def parse(
    text: str, published: _Published = None, id: str | None = None, *, html: bool = False
) -> Document:
    """Parse one article with the shared default :class:`Coder`."""

def _columns(events: Iterable[Event]) -> dict[str, list[Any]]: ...
def _arrow_table(events: Iterable[Event], chunk_rows: int = 65536) -> Any: ...
def _run_cli(args: list[str]) -> int:
    """Run the ``eventcoder`` command line (program name first); its exit code."""
