"""Message catalogues on disk: read the .po files with Babel, install them into handlers.words.

The .po sources are committed and read at start (compiled to gettext's binary form in memory, a few
milliseconds): a clean clone runs `make test` or `make run` with no build step, and no compiled .mo file
can go stale next to its source.

`python -m bot.i18n` extracts every `N_("...")` template under handlers/ (Babel's extractor, gettext's
keyword convention) and merges them into each language's .po: new ones appear untranslated, changed
ones fuzzy, gone ones obsolete. Translate, then `make test` (tests/test_i18n.py) says what is missing.
"""

from __future__ import annotations

import gettext
import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

import handlers
from handlers import words

DOMAIN = "setcoach"
HANDLERS_DIR = Path(handlers.__file__).resolve().parent
LOCALE_DIR = Path(words.__file__).resolve().parent / "locale"
KEYWORDS = {"N_": None}


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalogue(language: str) -> Catalog:
    with po_path(language).open("rb") as source:
        return read_po(source, locale=language, domain=DOMAIN)


def compiled(catalog: Catalog) -> gettext.GNUTranslations:
    """gettext's own runtime over Babel's reading of the .po (fuzzy entries left out, as msgfmt does)."""
    binary = io.BytesIO()
    write_mo(binary, catalog, use_fuzzy=False)
    binary.seek(0)
    return gettext.GNUTranslations(binary)


def install_translations() -> None:
    """Every language but English, from its .po; called once at start (and by tests)."""
    words.install(
        {language: compiled(read_catalogue(language)) for language in words.LANGUAGES if language != "en"}
    )


def extracted() -> Catalog:
    """The template: every N_-marked string under handlers/, with where it is."""
    template = Catalog(domain=DOMAIN, project="SetCoach")
    for filename, lineno, message, comments, context in extract_from_dir(str(HANDLERS_DIR), keywords=KEYWORDS):
        template.add(message, locations=[(f"handlers/{filename}", lineno)], auto_comments=comments, context=context)
    return template


def update_catalogues() -> None:
    template = extracted()
    for language in words.LANGUAGES:
        if language == "en":
            continue
        path = po_path(language)
        catalog = read_catalogue(language) if path.exists() else Catalog(locale=language, domain=DOMAIN)
        template.creation_date = catalog.creation_date  # a run that adds nothing changes nothing
        catalog.update(template, no_fuzzy_matching=False)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as target:
            write_po(target, catalog, width=120, sort_output=False, ignore_obsolete=False)
        missing = sum(1 for message in catalog if message.id and (not message.string or message.fuzzy))
        print(f"{path}: {len(catalog)} messages, {missing} to translate")


if __name__ == "__main__":
    update_catalogues()
