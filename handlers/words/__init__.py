"""The sentences a lifter reads, kept apart from the rules that decide what to say.

Rules return a message id and its numbers; a catalogue in this package turns them into words. English
is the source language. A translation is a new catalogue (a gettext catalogue per language), never an
edit of a rule. One module per area (`feedback`, `parsing`, `answers`, ...), each with a `CATALOGUE`
mapping message ids to `N_`-marked templates that use `str.format` fields.
"""

from __future__ import annotations

from collections.abc import Mapping


def N_(message: str) -> str:
    """gettext's conventional marker: flag a source string for extraction; returns it unchanged."""
    return message


def fill(catalogue: Mapping[str, str], message_id: str, params: Mapping[str, object]) -> str:
    """The words for one message id with its numbers filled in; a missing id is a bug tests catch."""
    return catalogue[message_id].format_map(params)
