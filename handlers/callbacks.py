"""Button data, built and read in one place: one dataclass per kind of button, `encode` and `decode`.

The strings are what buttons already in lifters' chats carry, so they stay as they were:
`set:<step>:<value>`, `ask:<step>`, `skip:<step>`, `forget:yes|no[:<token>]`, `why:`, and for check-ins
`ci:sore:<level>`, `ci:joint:<joint>`, `ci:jl:<joint>:<level>`, `ci:done`, and for a lone number in the
workout `cv:load:<row>:<value>` or `cv:reps:<row>:<value>`. The codec reads structure
only; the handler that gets a press checks its values (an old button's step may no longer exist).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias, assert_never

MAX_DATA_BYTES = 64  # Telegram's limit on callback_data


@dataclass(frozen=True)
class Choose:
    """A choice in /start or /settings: `set:unit:kg`."""

    step: str
    value: str


@dataclass(frozen=True)
class AskStep:
    """Show a settings step's question again: `ask:timezone`."""

    step: str


@dataclass(frozen=True)
class SkipStep:
    """Skip an onboarding step: `skip:unit`."""

    step: str


@dataclass(frozen=True)
class Forget:
    """The answer to /forget's confirmation: `forget:yes:<token>` deletes (when the token is the asker's own,
    unused and unexpired), anything else keeps. A bare `forget:yes` (an old or forged button) has no token."""

    confirmed: bool
    token: str = ""


@dataclass(frozen=True)
class Why:
    """The "Why?" button under feedback: `why:`."""


@dataclass(frozen=True)
class Soreness:
    """Check-in, step 1: `ci:sore:<level>`."""

    level: str


@dataclass(frozen=True)
class PickJoint:
    """Check-in: which joint is irritated, `ci:joint:<joint>`."""

    joint: str


@dataclass(frozen=True)
class RateJoint:
    """Check-in: how irritated that joint is, `ci:jl:<joint>:<level>`."""

    joint: str
    level: str


@dataclass(frozen=True)
class CheckinDone:
    """Check-in: no (more) joint issues, `ci:done`."""


@dataclass(frozen=True)
class NumberMeant:
    """The answer to "105 alone: the load or the reps?" about stored message `row`."""

    row: int
    value: str
    as_load: bool
    reps: int | None = None  # `8 @11`: the reps written with the number asked about (else the last set's)


CheckinPress: TypeAlias = Soreness | PickJoint | RateJoint | CheckinDone
@dataclass(frozen=True)
class LogForwarded:
    """The answer to "that was forwarded: log these sets as yours?", about stored message `row`:
    `fwd:<row>:yes|no`."""

    row: int
    confirmed: bool


Callback: TypeAlias = Choose | AskStep | SkipStep | Forget | Why | CheckinPress | NumberMeant | LogForwarded


def encode(callback: Callback) -> str:
    """The button's data; a button that would not fit Telegram's 64 bytes is a bug, raised here."""
    match callback:
        case Choose(step, value):
            data = f"set:{step}:{value}"
        case AskStep(step):
            data = f"ask:{step}"
        case SkipStep(step):
            data = f"skip:{step}"
        case Forget(confirmed, token):
            data = f"forget:{'yes' if confirmed else 'no'}" + (f":{token}" if token else "")
        case Why():
            data = "why:"
        case Soreness(level):
            data = f"ci:sore:{level}"
        case PickJoint(joint):
            data = f"ci:joint:{joint}"
        case RateJoint(joint, level):
            data = f"ci:jl:{joint}:{level}"
        case CheckinDone():
            data = "ci:done"
        case LogForwarded(row, confirmed):
            data = f"fwd:{row}:{'yes' if confirmed else 'no'}"
        case NumberMeant(row, value, as_load, reps):
            data = f"cv:{'load' if as_load else 'reps'}:{row}:{value}" + (f":{reps}" if reps is not None else "")
        case _:
            assert_never(callback)
    if len(data.encode()) > MAX_DATA_BYTES:
        raise ValueError(f"button data over {MAX_DATA_BYTES} bytes: {data[:80]!r}")
    return data


def decode(data: str) -> Callback | None:
    """What a pressed button asks for, or None for data no button of ours carries."""
    kind, _, rest = data.partition(":")
    if kind == "set":
        step, _, value = rest.partition(":")
        return Choose(step, value)
    if kind == "ask":
        return AskStep(rest)
    if kind == "skip":
        return SkipStep(rest)
    if kind == "forget":
        answer, _, token = rest.partition(":")
        return Forget(answer == "yes", token)
    if kind == "why":
        return Why()
    if kind == "fwd":
        row, _, answer = rest.partition(":")
        return LogForwarded(int(row), answer == "yes") if row.isdigit() else None
    if kind == "ci":
        return _decode_checkin(rest)
    if kind == "cv":
        meaning, _, tail = rest.partition(":")
        row, _, value = tail.partition(":")
        value, _, reps = value.partition(":")
        if not row.isdigit() or not value or (reps and not reps.isdigit()):
            return None
        return NumberMeant(int(row), value, meaning == "load", int(reps) if reps else None)
    return None


def _decode_checkin(rest: str) -> CheckinPress | None:
    kind, _, value = rest.partition(":")
    if kind == "sore":
        return Soreness(value)
    if kind == "joint":
        return PickJoint(value)
    if kind == "jl":
        joint, _, level = value.rpartition(":")
        return RateJoint(joint, level)
    if kind == "done":
        return CheckinDone()
    return None
