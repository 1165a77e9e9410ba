"""The sentences a lifter reads, kept apart from the rules that decide what to say.

Rules return a message id and its numbers; a catalogue in this package turns them into words. English
is the source language. One module per area (`feedback`, `parsing`, `answers`, ...), each with a `CATALOGUE`
mapping message ids to `N_`-marked templates that use `str.format` fields.

Other languages are gettext catalogues (`locale/<lang>/LC_MESSAGES/setcoach.po`, made and read with
Babel by bot/i18n.py, which installs them here): the msgid is the English template, so a changed
English sentence shows up as untranslated, and tests/test_i18n.py fails until it is translated.

The reply language is a context variable, set once per update by the front-end (from the lifter's
stored choice, else Telegram's `language_code`): every update is handled in its own asyncio task, so
lifters writing at once never see each other's language, and no handler signature has to carry it.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

from rules.models import UserSettings

LANGUAGES = ("en", "ru")  # English is the source; Russian: Telegram's largest lifting audience
DEFAULT_LANGUAGE = "en"
_language: ContextVar[str] = ContextVar("setcoach_language", default=DEFAULT_LANGUAGE)
_translations: dict[str, gettext.NullTranslations] = {}


def N_(message: str) -> str:
    """gettext's conventional marker: flag a source string for extraction; returns it unchanged."""
    return message


def install(translations: Mapping[str, gettext.NullTranslations]) -> None:
    """Make compiled catalogues available (bot/i18n.py reads them from disk)."""
    _translations.update(translations)


def language_for(code: str | None) -> str:
    """The reply language for a stored choice or a Telegram `language_code` (`ru`, `ru-RU` -> ru)."""
    base = (code or "").lower().replace("_", "-").split("-")[0]
    return base if base in LANGUAGES else DEFAULT_LANGUAGE


def use_language(code: str | None) -> str:
    """Answer in this language from here on in the current task; returns the language chosen."""
    language = language_for(code)
    _language.set(language)
    return language


def current_language() -> str:
    return _language.get()


@contextmanager
def speaking(code: str | None) -> Iterator[str]:
    """Words in a given language for a block (a check-in prompt, a command menu), then back."""
    token = _language.set(language_for(code))
    try:
        yield _language.get()
    finally:
        _language.reset(token)


def tr(message: str) -> str:
    """An English template in the current language (itself when untranslated)."""
    language = _language.get()
    if language == DEFAULT_LANGUAGE or not message:  # gettext's "" is the catalogue's header, not a message
        return message
    translations = _translations.get(language)
    return translations.gettext(message) if translations is not None else message


def fill(catalogue: Mapping[str, str], message_id: str, params: Mapping[str, object] | None = None) -> str:
    """The words for one message id with its numbers filled in; a missing id is a bug tests catch."""
    return tr(catalogue[message_id]).format_map(params or {})


def say(catalogue: Mapping[str, str], message_id: str, **params: object) -> str:
    """`fill` with keyword fields: `say(CATALOGUE, "privacy", days=30)`."""
    return fill(catalogue, message_id, params)


def speak_to(user: UserSettings) -> None:
    """Answer in the language the lifter chose in /settings, if they chose one; otherwise the
    front-end's guess (Telegram's language_code) stands."""
    if user.language:
        use_language(user.language)
