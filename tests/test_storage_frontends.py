"""Two front-ends on one database, on every backend: each backend is opened for one front-end (the Telegram
bot, a console chat), stamps it on the lifters and conversations it writes, and claims only its own due
check-ins, rest pings and idle closes; a lifter who turns up through the other front-end moves there."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.storage import Backend, Frontend
from bot.storage.sqlite import MIGRATIONS as SQLITE_MIGRATIONS
from handlers.ports import ConversationChange, RestChange
from rules.conversation import SESSION_IDLE, State, read_message
from rules.models import MessageKind
from tests.databases import Database

NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
ON_TELEGRAM, AT_THE_CONSOLE = 1001, 1  # the console's lifter is 1 unless --user says otherwise


@pytest.fixture
async def console(database: Database, storage: Backend) -> AsyncIterator[Backend]:
    """A console chat's backend on the same database as `storage` (the Telegram bot's)."""
    opened = await database.open(Frontend.CONSOLE)
    try:
        yield opened
    finally:
        await opened.close()


async def rest_and_session(storage: Backend, lifter: int, message_id: int, at: datetime = NOW) -> None:
    """The lifter logs a set with a 90-s rest: a ping due at +90 s, the session closing 90 minutes on."""
    await storage.user(lifter, lifter, at)
    _, stored = await storage.arrive(lifter, lifter, message_id, "bench 100kg 8 rest 90s", at)
    turn = read_message("bench 100kg 8", State(), at)
    change = ConversationChange(chat_id=lifter, state=turn.state, before=State(), rest=RestChange.SET,
                                rest_due=at + timedelta(seconds=90), rest_s=90)  # fmt: skip
    await storage.save_outcome(lifter, stored.row, MessageKind.SETS, turn.sets, at, conversation=change)


async def enrol(storage: Backend, lifter: int, due: datetime) -> None:
    await storage.user(lifter, lifter, NOW)
    await storage.update_user(lifter, checkins_on=True, next_checkin_utc=due)


async def test_each_front_end_claims_only_its_own_lifters_rest_pings_and_idle_closes(
    storage: Backend, console: Backend
) -> None:
    await rest_and_session(storage, ON_TELEGRAM, 1)
    await rest_and_session(console, AT_THE_CONSOLE, 1)
    rests = NOW + timedelta(seconds=91)
    for backend, lifter in ((console, AT_THE_CONSOLE), (storage, ON_TELEGRAM)):
        (claim,) = await backend.claim_due_timers(rests)
        assert (claim.kind.value, claim.user_id) == ("rest", lifter)
        await backend.finish_timer(claim)  # pinged
    idle = NOW + SESSION_IDLE + timedelta(minutes=1)
    assert [(c.kind.value, c.user_id) for c in await storage.claim_due_timers(idle)] == [("idle", ON_TELEGRAM)]
    assert [(c.kind.value, c.user_id) for c in await console.claim_due_timers(idle)] == [("idle", AT_THE_CONSOLE)]
    stale = idle + timedelta(minutes=2)  # both sweepers died with their claims: each takes back only its own
    assert [c.user_id for c in await console.claim_due_timers(stale)] == [AT_THE_CONSOLE]
    assert [c.user_id for c in await storage.claim_due_timers(stale)] == [ON_TELEGRAM]


async def test_a_console_for_one_lifter_claims_no_other_console_lifters_timers(
    storage: Backend, console: Backend
) -> None:
    await rest_and_session(console, AT_THE_CONSOLE, 1)
    await rest_and_session(console, 7, 1)  # another console chat, `--user 7`, on the same file
    rests = NOW + timedelta(seconds=91)
    assert [claim.user_id for claim in await console.claim_due_timers(rests, AT_THE_CONSOLE)] == [AT_THE_CONSOLE]
    assert [claim.user_id for claim in await console.claim_due_timers(rests, 7)] == [7]


async def test_a_console_for_one_lifter_claims_no_other_console_lifters_check_ins(
    storage: Backend, console: Backend
) -> None:
    await enrol(console, AT_THE_CONSOLE, NOW)
    await enrol(console, 7, NOW)  # another console chat, `--user 7`, on the same file
    assert [claim.user.id for claim in await console.claim_due_checkins(NOW, user_id=AT_THE_CONSOLE)] == [
        AT_THE_CONSOLE
    ]
    assert [claim.user.id for claim in await console.claim_due_checkins(NOW, user_id=7)] == [7]


async def test_each_front_end_claims_only_its_own_lifters_check_ins(storage: Backend, console: Backend) -> None:
    await enrol(storage, ON_TELEGRAM, NOW)
    await enrol(console, AT_THE_CONSOLE, NOW)
    assert [claim.user.id for claim in await storage.claim_due_checkins(NOW)] == [ON_TELEGRAM]
    assert [claim.user.id for claim in await console.claim_due_checkins(NOW)] == [AT_THE_CONSOLE]
    later = NOW + timedelta(hours=1)  # both sweepers died with their claims: each recovers only its own
    assert await storage.recover_stale_claims(later) == 1
    assert [claim.user.id for claim in await storage.claim_due_checkins(later)] == [ON_TELEGRAM]
    assert await console.claim_due_checkins(later) == []  # the console's claim is still in hand


async def test_a_lifter_who_writes_through_the_other_front_end_moves_there(
    storage: Backend, console: Backend
) -> None:
    await enrol(storage, ON_TELEGRAM, NOW + timedelta(hours=1))
    await rest_and_session(storage, ON_TELEGRAM, 1)
    # The same lifter tries the console (`--user 1001`): the next set is logged there, its rest pings there.
    await rest_and_session(console, ON_TELEGRAM, 2, NOW + timedelta(minutes=3))
    rests = NOW + timedelta(minutes=3, seconds=91)
    assert await storage.claim_due_timers(rests) == []
    assert [claim.user_id for claim in await console.claim_due_timers(rests)] == [ON_TELEGRAM]
    due = NOW + timedelta(hours=1)
    assert await storage.claim_due_checkins(due) == []
    _, stored = await storage.arrive(ON_TELEGRAM, ON_TELEGRAM, 3, "thanks", due)  # back on Telegram
    assert stored.is_new
    assert [claim.user.id for claim in await storage.claim_due_checkins(due)] == [ON_TELEGRAM]


def before_front_ends(migrations: tuple[str, ...]) -> int:
    """How many migrations came before the one that records front-ends."""
    return next(number for number, script in enumerate(migrations) if "ADD COLUMN frontend" in script)


async def old_database(database: Database, bot_opened_it: bool) -> None:
    """A database as it was before front-ends were recorded, with one lifter resting and enrolled for check-ins."""
    if database.kind == "sqlite":
        import sqlite3

        version = before_front_ends(SQLITE_MIGRATIONS)
        with sqlite3.connect(database.path) as db:
            for script in SQLITE_MIGRATIONS[:version]:
                db.executescript(script)
            db.execute(f"PRAGMA user_version = {version}")
    else:
        from bot.storage.postgres import MIGRATIONS as POSTGRES_MIGRATIONS

        version = before_front_ends(POSTGRES_MIGRATIONS)
        database.execute("DROP SCHEMA public CASCADE")  # the test's database comes migrated: start it over
        database.execute("CREATE SCHEMA public")
        database.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        for script in POSTGRES_MIGRATIONS[:version]:
            database.execute(script)
        database.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
    at = NOW.isoformat(timespec="microseconds")  # as both backends read a moment given as text
    database.execute(
        "INSERT INTO users (id, chat_id, created_at, checkins_on, next_checkin_utc) VALUES (?, ?, ?, ?, ?)",
        (5, 5, at, True, at),
    )
    database.execute(
        "INSERT INTO conversations (user_id, chat_id, state_json, rest_due, rest_s) VALUES (?, ?, ?, ?, ?)",
        (5, 5, State().model_dump_json(), at, 90),
    )
    if bot_opened_it:
        database.execute("INSERT INTO meta (key, value) VALUES ('bot_id', '123456')")


@pytest.mark.parametrize(("bot_opened_it", "owner"), [(True, Frontend.TELEGRAM), (False, Frontend.CONSOLE)])
async def test_what_was_kept_before_front_ends_were_is_telegrams_unless_no_bot_ever_opened_the_database(
    database: Database, bot_opened_it: bool, owner: Frontend
) -> None:
    await old_database(database, bot_opened_it)
    other = Frontend.CONSOLE if owner is Frontend.TELEGRAM else Frontend.TELEGRAM
    opened = {frontend: await database.open(frontend) for frontend in (other, owner)}  # the other migrates it
    try:
        assert await opened[other].claim_due_timers(NOW) == []
        assert await opened[other].claim_due_checkins(NOW) == []
        assert [claim.user_id for claim in await opened[owner].claim_due_timers(NOW)] == [5]
        assert [claim.user.id for claim in await opened[owner].claim_due_checkins(NOW)] == [5]
    finally:
        for backend in opened.values():
            await backend.close()
