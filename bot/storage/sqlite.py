"""The SQLite backend: one aiosqlite connection, WAL, numbered migrations in `PRAGMA user_version`.

Every query takes the user id, so one lifter can never read or change another's data. This module is
SQLite through and through: a view with an INSTEAD OF trigger writes a message's outcome, JSON functions
hand history over as one array, group commit batches VALUES lists. What does not depend on the dialect
(group commit, rows read back as models, the calls that only wrap a query) is `bot.storage.common`'s
`SharedStorage`, which PostgreSQL shares. Handlers and rules never see SQL.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sqlite3
import threading
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import aiosqlite
from pydantic_core import to_json

from bot.storage.common import (
    HISTORY,
    SETS,
    USER_COLUMNS,
    USER_WIDTH,
    Arrival,
    Arrived,
    ConversationWrite,
    InboxUpdate,
    Outcome,
    Query,
    SharedStorage,
    check_user_fields,
)
from bot.storage.contract import Claim, Frontend, TimerClaim, TimerKind
from handlers.ports import Conversation, MessageContext, StorageUnavailable, StoredMessage
from rules.conversation import State
from rules.models import (
    Awaiting,
    CheckIn,
    Feedback,
    HistoryRow,
    LoggedSet,
    MessageKind,
    ParsedSet,
    Segment,
    Technique,
    UserSettings,
)
from rules.report import SetSummary

log = logging.getLogger(__name__)

MIGRATIONS: tuple[str, ...] = (
    # 1: lifters, every raw message, the sets read from them, check-ins.
    """
    CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        unit TEXT NOT NULL DEFAULT 'kg',
        experience TEXT NOT NULL DEFAULT 'intermediate',
        timezone TEXT,
        checkin_time TEXT NOT NULL DEFAULT '09:00',
        checkins_on INTEGER NOT NULL DEFAULT 0,
        next_checkin_utc TEXT,
        chat_id INTEGER,
        awaiting TEXT,
        created_at TEXT NOT NULL
    );
    CREATE TABLE messages (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        chat_id INTEGER NOT NULL,
        message_id INTEGER NOT NULL,
        text TEXT NOT NULL,
        received_at TEXT NOT NULL,
        edited_at TEXT,
        kind TEXT NOT NULL DEFAULT 'pending',
        feedback_json TEXT,
        answered INTEGER NOT NULL DEFAULT 0,
        UNIQUE (user_id, chat_id, message_id)
    );
    CREATE INDEX messages_by_user ON messages (user_id, id);
    CREATE TABLE sets (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        message_row INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        performed_at TEXT NOT NULL,
        exercise TEXT NOT NULL,
        raw_exercise TEXT NOT NULL,
        known INTEGER NOT NULL,
        technique TEXT NOT NULL,
        segments_json TEXT NOT NULL,
        unit TEXT,
        bodyweight INTEGER NOT NULL,
        rir REAL,
        rpe REAL,
        amrap INTEGER NOT NULL,
        rest_s INTEGER,
        grp INTEGER,
        pair_position INTEGER
    );
    CREATE INDEX sets_by_user_time ON sets (user_id, performed_at);
    CREATE INDEX sets_by_user_exercise ON sets (user_id, exercise, performed_at);
    CREATE INDEX sets_by_message ON sets (message_row);
    CREATE TABLE checkins (
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        soreness TEXT NOT NULL,
        sore_muscles_json TEXT NOT NULL DEFAULT '[]',
        joints_json TEXT NOT NULL DEFAULT '{}',
        raw_text TEXT,
        answered_at TEXT NOT NULL,
        PRIMARY KEY (user_id, day)
    );
    """,
    # 2: the due-check-in sweep reads users by their next instant.
    """
    CREATE INDEX users_due ON users (checkins_on, next_checkin_utc);
    """,
    # 3: a claim remembers which instant it took and when; a sent marker makes restarts idempotent.
    """
    ALTER TABLE users ADD COLUMN claimed_due TEXT;
    ALTER TABLE users ADD COLUMN claimed_at TEXT;
    ALTER TABLE users ADD COLUMN checkin_sent_for TEXT;
    CREATE INDEX users_claimed ON users (checkins_on, claimed_at);
    """,
    # 4: each set also as JSON, which pydantic-core reads natively (history is read on every message).
    """
    ALTER TABLE sets ADD COLUMN set_json TEXT;
    """,
    # 5: give the rows written before 4 their JSON too, so every read takes the fast path.
    """
    UPDATE sets SET set_json = json_object(
        'exercise', exercise, 'raw_exercise', raw_exercise,
        'known', json(CASE WHEN known THEN 'true' ELSE 'false' END), 'technique', technique,
        'segments', (SELECT json_group_array(json_object('load', json_extract(value, '$[0]'),
                                                         'reps', json_extract(value, '$[1]')))
                     FROM json_each(segments_json)),
        'unit', unit, 'bodyweight', json(CASE WHEN bodyweight THEN 'true' ELSE 'false' END),
        'rir', rir, 'rpe', rpe, 'amrap', json(CASE WHEN amrap THEN 'true' ELSE 'false' END),
        'rest_s', rest_s, 'group', grp, 'pair_position', pair_position)
    WHERE set_json IS NULL;
    """,
    # 6: a message's outcome (its sets, kind and feedback) written by one INSERT into a view, so the
    # whole replacement is one statement: one trip to the database thread instead of three to five.
    """
    CREATE VIEW outcomes (message_row, user_id, kind, feedback_json, sets_json) AS
        SELECT id, user_id, kind, feedback_json, NULL FROM messages;
    CREATE TRIGGER outcomes_insert INSTEAD OF INSERT ON outcomes BEGIN
        DELETE FROM sets WHERE message_row = NEW.message_row AND user_id = NEW.user_id;
        INSERT INTO sets (user_id, message_row, position, performed_at, exercise, raw_exercise, known,
                          technique, segments_json, unit, bodyweight, rir, rpe, amrap, rest_s, grp,
                          pair_position, set_json)
        SELECT NEW.user_id, NEW.message_row, item.key, json_extract(item.value, '$.performed_at'),
               json_extract(item.value, '$.set.exercise'), json_extract(item.value, '$.set.raw_exercise'),
               json_extract(item.value, '$.set.known'), json_extract(item.value, '$.set.technique'),
               (SELECT json_group_array(json_array(json_extract(segment.value, '$.load'),
                                                   json_extract(segment.value, '$.reps')))
                FROM json_each(item.value, '$.set.segments') AS segment),
               json_extract(item.value, '$.set.unit'), json_extract(item.value, '$.set.bodyweight'),
               json_extract(item.value, '$.set.rir'), json_extract(item.value, '$.set.rpe'),
               json_extract(item.value, '$.set.amrap'), json_extract(item.value, '$.set.rest_s'),
               json_extract(item.value, '$.set.group'), json_extract(item.value, '$.set.pair_position'),
               json_extract(item.value, '$.set')
        FROM json_each(NEW.sets_json) AS item;
        UPDATE messages SET kind = NEW.kind, feedback_json = NEW.feedback_json
        WHERE id = NEW.message_row AND user_id = NEW.user_id;
    END;
    """,
    # 7: what a deployment must survive (issue 17). `meta` records which bot owns the data; a command's
    # effect is kept on its own message (`effect_json`), so a replay repeats the answer, not the effect;
    # button presses are remembered by Telegram's query id; a /forget confirmation is one-time and expires.
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    ALTER TABLE messages ADD COLUMN effect_json TEXT;
    CREATE TABLE presses (
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        press_id TEXT NOT NULL,
        received_at TEXT NOT NULL,
        answered INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (user_id, press_id)
    );
    CREATE INDEX presses_by_time ON presses (received_at);
    CREATE TABLE confirmations (
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose TEXT NOT NULL,
        token TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        PRIMARY KEY (user_id, purpose)
    );
    """,
    # 8: the workout as a conversation (issue #15): each lifter's state per chat (open exercise, last
    # set, session), its pending rest ping and idle close; each message keeps the state it arrived in,
    # so an edit re-reads it in its own context. One INSERT into a view writes both (one trip).
    """
    CREATE TABLE conversations (
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        chat_id INTEGER NOT NULL,
        state_json TEXT NOT NULL,
        last_row INTEGER,
        rest_due TEXT,
        rest_s INTEGER,
        rest_claimed_at TEXT,
        idle_due TEXT,
        idle_claimed_at TEXT,
        PRIMARY KEY (user_id, chat_id)
    );
    CREATE INDEX conversations_rest_due ON conversations (rest_due) WHERE rest_due IS NOT NULL;
    CREATE INDEX conversations_idle_due ON conversations (idle_due) WHERE idle_due IS NOT NULL;
    ALTER TABLE messages ADD COLUMN context_json TEXT;
    CREATE VIEW conversation_writes (user_id, chat_id, state_json, message_row, moved, context_json, rest,
                                     rest_due, rest_s, idle_due) AS
        SELECT user_id, chat_id, state_json, last_row, NULL, NULL, NULL, rest_due, rest_s, idle_due
        FROM conversations;
    CREATE TRIGGER conversation_writes_insert INSTEAD OF INSERT ON conversation_writes BEGIN
        INSERT INTO conversations (user_id, chat_id, state_json, last_row, rest_due, rest_s, idle_due)
        VALUES (NEW.user_id, NEW.chat_id, NEW.state_json, CASE WHEN NEW.moved THEN NEW.message_row END,
                CASE WHEN NEW.rest = 'set' THEN NEW.rest_due END, CASE WHEN NEW.rest = 'set' THEN NEW.rest_s END,
                NEW.idle_due)
        ON CONFLICT (user_id, chat_id) DO UPDATE SET
            state_json = excluded.state_json,
            last_row = coalesce(excluded.last_row, conversations.last_row),
            rest_due = CASE NEW.rest WHEN 'keep' THEN conversations.rest_due WHEN 'set' THEN excluded.rest_due END,
            rest_s = CASE NEW.rest WHEN 'keep' THEN conversations.rest_s WHEN 'set' THEN excluded.rest_s END,
            rest_claimed_at = CASE NEW.rest WHEN 'keep' THEN conversations.rest_claimed_at END,
            idle_due = excluded.idle_due,
            idle_claimed_at = NULL;
        UPDATE messages SET context_json = NEW.context_json
        WHERE NEW.context_json IS NOT NULL AND id = NEW.message_row AND user_id = NEW.user_id;
    END;
    """,
    # 9: what real logs carry besides load x reps (issue #14): warm-ups kept apart from working sets,
    # per-side loads, the lifter's note, and segments with seconds (holds, cardio) and metres. set_json
    # already held them; the columns make them queryable, and a timed or cardio segment in segments_json
    # is [load, reps, seconds, distance_m] (others stay [load, reps]).
    """
    ALTER TABLE sets ADD COLUMN warmup INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sets ADD COLUMN per_side INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sets ADD COLUMN note TEXT;
    UPDATE sets SET warmup = coalesce(json_extract(set_json, '$.warmup'), 0),
                    per_side = coalesce(json_extract(set_json, '$.per_side'), 0),
                    note = json_extract(set_json, '$.note')
    WHERE set_json IS NOT NULL;
    CREATE INDEX sets_working ON sets (user_id, exercise, warmup);
    DROP TRIGGER outcomes_insert;
    CREATE TRIGGER outcomes_insert INSTEAD OF INSERT ON outcomes BEGIN
        DELETE FROM sets WHERE message_row = NEW.message_row AND user_id = NEW.user_id;
        INSERT INTO sets (user_id, message_row, position, performed_at, exercise, raw_exercise, known,
                          technique, segments_json, unit, bodyweight, rir, rpe, amrap, rest_s, grp,
                          pair_position, set_json, warmup, per_side, note)
        SELECT NEW.user_id, NEW.message_row, item.key, json_extract(item.value, '$.performed_at'),
               json_extract(item.value, '$.set.exercise'), json_extract(item.value, '$.set.raw_exercise'),
               json_extract(item.value, '$.set.known'), json_extract(item.value, '$.set.technique'),
               (SELECT json_group_array(CASE
                    WHEN json_extract(segment.value, '$.seconds') IS NULL
                         AND json_extract(segment.value, '$.distance_m') IS NULL
                    THEN json_array(json_extract(segment.value, '$.load'), json_extract(segment.value, '$.reps'))
                    ELSE json_array(json_extract(segment.value, '$.load'), json_extract(segment.value, '$.reps'),
                                    json_extract(segment.value, '$.seconds'),
                                    json_extract(segment.value, '$.distance_m')) END)
                FROM json_each(item.value, '$.set.segments') AS segment),
               json_extract(item.value, '$.set.unit'), json_extract(item.value, '$.set.bodyweight'),
               json_extract(item.value, '$.set.rir'), json_extract(item.value, '$.set.rpe'),
               json_extract(item.value, '$.set.amrap'), json_extract(item.value, '$.set.rest_s'),
               json_extract(item.value, '$.set.group'), json_extract(item.value, '$.set.pair_position'),
               json_extract(item.value, '$.set'),
               coalesce(json_extract(item.value, '$.set.warmup'), 0),
               coalesce(json_extract(item.value, '$.set.per_side'), 0),
               json_extract(item.value, '$.set.note')
        FROM json_each(NEW.sets_json) AS item;
        UPDATE messages SET kind = NEW.kind, feedback_json = NEW.feedback_json
        WHERE id = NEW.message_row AND user_id = NEW.user_id;
    END;
    """,
    # 10: coaching by the guides (issue #16): the first day of the lifter's 12-week block, and the warning
    # signs a check-in names besides soreness and joints (swelling, nerve symptoms, low motivation).
    """
    ALTER TABLE users ADD COLUMN block_started_on TEXT;
    ALTER TABLE checkins ADD COLUMN signs_json TEXT NOT NULL DEFAULT '[]';
    """,
    # 11: each lifter's distinct (load, reps, rir, amrap) per exercise, kept by triggers on `sets` with a
    # count, so a record check reads a few hundred rows instead of scanning years of one lift (a deleted
    # or edited set takes its row's count down with it). Warm-ups and bodyweight sets are left out.
    """
    CREATE TABLE set_bests (
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        exercise TEXT NOT NULL,
        load REAL NOT NULL,
        reps INTEGER NOT NULL,
        rir REAL NOT NULL,  -- -1 where none was written (NULL would make every row distinct)
        amrap INTEGER NOT NULL,
        sets INTEGER NOT NULL,
        PRIMARY KEY (user_id, exercise, load, reps, rir, amrap)
    ) WITHOUT ROWID;
    INSERT INTO set_bests (user_id, exercise, load, reps, rir, amrap, sets)
        SELECT user_id, exercise, json_extract(segments_json, '$[0][0]'), json_extract(segments_json, '$[0][1]'),
               coalesce(rir, -1), amrap, count(*)
        FROM sets
        WHERE bodyweight = 0 AND json_extract(segments_json, '$[0][0]') > 0
          AND warmup = 0
        GROUP BY 1, 2, 3, 4, 5, 6;
    CREATE TRIGGER set_bests_insert AFTER INSERT ON sets
    WHEN NEW.bodyweight = 0 AND json_extract(NEW.segments_json, '$[0][0]') > 0
         AND NEW.warmup = 0 BEGIN
        INSERT INTO set_bests (user_id, exercise, load, reps, rir, amrap, sets)
        VALUES (NEW.user_id, NEW.exercise, json_extract(NEW.segments_json, '$[0][0]'),
                json_extract(NEW.segments_json, '$[0][1]'), coalesce(NEW.rir, -1), NEW.amrap, 1)
        ON CONFLICT (user_id, exercise, load, reps, rir, amrap) DO UPDATE SET sets = sets + 1;
    END;
    CREATE TRIGGER set_bests_delete AFTER DELETE ON sets
    WHEN OLD.bodyweight = 0 AND json_extract(OLD.segments_json, '$[0][0]') > 0
         AND OLD.warmup = 0 BEGIN
        UPDATE set_bests SET sets = sets - 1
        WHERE user_id = OLD.user_id AND exercise = OLD.exercise AND load = json_extract(OLD.segments_json, '$[0][0]')
          AND reps = json_extract(OLD.segments_json, '$[0][1]') AND rir = coalesce(OLD.rir, -1) AND amrap = OLD.amrap;
    END;
    """,
    # 12: when each of those rows was first done, so a record is measured against what came before the
    # session (a ramp of sets inside one workout is not a string of records) and a summary needs no scan.
    """
    ALTER TABLE set_bests ADD COLUMN first_at TEXT;
    UPDATE set_bests SET first_at = (
        SELECT min(performed_at) FROM sets
        WHERE sets.user_id = set_bests.user_id AND sets.exercise = set_bests.exercise
          AND json_extract(sets.segments_json, '$[0][0]') = set_bests.load
          AND json_extract(sets.segments_json, '$[0][1]') = set_bests.reps
          AND coalesce(sets.rir, -1) = set_bests.rir AND sets.amrap = set_bests.amrap);
    DROP TRIGGER set_bests_insert;
    CREATE TRIGGER set_bests_insert AFTER INSERT ON sets
    WHEN NEW.bodyweight = 0 AND json_extract(NEW.segments_json, '$[0][0]') > 0 AND NEW.warmup = 0 BEGIN
        INSERT INTO set_bests (user_id, exercise, load, reps, rir, amrap, sets, first_at)
        VALUES (NEW.user_id, NEW.exercise, json_extract(NEW.segments_json, '$[0][0]'),
                json_extract(NEW.segments_json, '$[0][1]'), coalesce(NEW.rir, -1), NEW.amrap, 1, NEW.performed_at)
        ON CONFLICT (user_id, exercise, load, reps, rir, amrap) DO UPDATE SET
            sets = sets + 1,
            first_at = CASE WHEN sets <= 0 OR excluded.first_at < first_at THEN excluded.first_at ELSE first_at END;
    END;
    """,
    # 13: webhook mode's inbox: each update as Telegram posted it, kept before the 200, done once handled.
    """
    CREATE TABLE inbox (
        update_id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL,
        payload TEXT NOT NULL,
        received_at TEXT NOT NULL,
        done_at TEXT
    );
    CREATE INDEX inbox_pending ON inbox (update_id) WHERE done_at IS NULL;
    """,
    # 14: the reply language the lifter chose in /settings (issue #19); NULL follows Telegram's language_code.
    """
    ALTER TABLE users ADD COLUMN language TEXT;
    """,
    # 15: several webhook workers share the inbox: each lifter's oldest pending update is claimed by one
    # worker at a time (the claim lapses if that worker dies), so each update is handled once and in order.
    """
    ALTER TABLE inbox ADD COLUMN claimed_by TEXT;
    ALTER TABLE inbox ADD COLUMN claimed_at TEXT;
    """,
    # 16: a message's outcome and the conversation state after it in one INSERT (one trip, one
    # transaction): the row goes on to the `outcomes` view (6) and, when it carries a state, to the
    # `conversation_writes` view (8), whose triggers do the writing.
    """
    CREATE VIEW outcome_writes (message_row, user_id, kind, feedback_json, sets_json, chat_id, state_json, moved,
                                context_json, rest, rest_due, rest_s, idle_due) AS
        SELECT id, user_id, kind, feedback_json, NULL, chat_id, NULL, NULL, context_json, NULL, NULL, NULL, NULL
        FROM messages;
    CREATE TRIGGER outcome_writes_insert INSTEAD OF INSERT ON outcome_writes BEGIN
        INSERT INTO outcomes (message_row, user_id, kind, feedback_json, sets_json)
        VALUES (NEW.message_row, NEW.user_id, NEW.kind, NEW.feedback_json, NEW.sets_json);
        INSERT INTO conversation_writes (user_id, chat_id, state_json, message_row, moved, context_json, rest,
                                         rest_due, rest_s, idle_due)
        SELECT NEW.user_id, NEW.chat_id, NEW.state_json, NEW.message_row, NEW.moved, NEW.context_json, NEW.rest,
               NEW.rest_due, NEW.rest_s, NEW.idle_due
        WHERE NEW.state_json IS NOT NULL;
    END;
    """,
    # 17: each row of `set_bests` keeps the unit its load was written in (issue #16), so 225 lb is not taken
    # for more than 110 kg: rows of one load in kg and in lb stay apart, and the rules convert before they
    # compare (a load stored with no unit counts as kg, as the rules read it). Rebuilt from the sets.
    """
    DROP TRIGGER set_bests_insert;
    DROP TRIGGER set_bests_delete;
    DROP TABLE set_bests;
    CREATE TABLE set_bests (
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        exercise TEXT NOT NULL,
        load REAL NOT NULL,
        reps INTEGER NOT NULL,
        rir REAL NOT NULL,  -- -1 where none was written (NULL would make every row distinct)
        amrap INTEGER NOT NULL,
        unit TEXT NOT NULL,
        sets INTEGER NOT NULL,
        first_at TEXT,
        PRIMARY KEY (user_id, exercise, load, reps, rir, amrap, unit)
    ) WITHOUT ROWID;
    INSERT INTO set_bests (user_id, exercise, load, reps, rir, amrap, unit, sets, first_at)
        SELECT user_id, exercise, json_extract(segments_json, '$[0][0]'), json_extract(segments_json, '$[0][1]'),
               coalesce(rir, -1), amrap, coalesce(unit, 'kg'), count(*), min(performed_at)
        FROM sets
        WHERE bodyweight = 0 AND json_extract(segments_json, '$[0][0]') > 0 AND warmup = 0
        GROUP BY 1, 2, 3, 4, 5, 6, 7;
    CREATE TRIGGER set_bests_insert AFTER INSERT ON sets
    WHEN NEW.bodyweight = 0 AND json_extract(NEW.segments_json, '$[0][0]') > 0 AND NEW.warmup = 0 BEGIN
        INSERT INTO set_bests (user_id, exercise, load, reps, rir, amrap, unit, sets, first_at)
        VALUES (NEW.user_id, NEW.exercise, json_extract(NEW.segments_json, '$[0][0]'),
                json_extract(NEW.segments_json, '$[0][1]'), coalesce(NEW.rir, -1), NEW.amrap,
                coalesce(NEW.unit, 'kg'), 1, NEW.performed_at)
        ON CONFLICT (user_id, exercise, load, reps, rir, amrap, unit) DO UPDATE SET
            sets = sets + 1,
            first_at = CASE WHEN sets <= 0 OR excluded.first_at < first_at THEN excluded.first_at ELSE first_at END;
    END;
    CREATE TRIGGER set_bests_delete AFTER DELETE ON sets
    WHEN OLD.bodyweight = 0 AND json_extract(OLD.segments_json, '$[0][0]') > 0 AND OLD.warmup = 0 BEGIN
        UPDATE set_bests SET sets = sets - 1
        WHERE user_id = OLD.user_id AND exercise = OLD.exercise AND load = json_extract(OLD.segments_json, '$[0][0]')
          AND reps = json_extract(OLD.segments_json, '$[0][1]') AND rir = coalesce(OLD.rir, -1) AND amrap = OLD.amrap
          AND unit = coalesce(OLD.unit, 'kg');
    END;
    """,
    # 18: several front-ends on one database (issue #15): the front-end each lifter last spoke through and
    # each conversation's, so a front-end's sweeps claim only its own prompts and pings. Rows kept before
    # this are Telegram's, unless Telegram never opened the database (no bot recorded): then the console's.
    # Both views (8, 16) carry the front-end through to the conversation they write.
    """
    ALTER TABLE users ADD COLUMN frontend TEXT NOT NULL DEFAULT 'telegram';
    ALTER TABLE conversations ADD COLUMN frontend TEXT NOT NULL DEFAULT 'telegram';
    UPDATE users SET frontend = 'console' WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = 'bot_id');
    UPDATE conversations SET frontend = 'console' WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = 'bot_id');
    DROP TRIGGER outcome_writes_insert;
    DROP VIEW outcome_writes;
    DROP TRIGGER conversation_writes_insert;
    DROP VIEW conversation_writes;
    CREATE VIEW conversation_writes (user_id, chat_id, state_json, message_row, moved, context_json, rest,
                                     rest_due, rest_s, idle_due, frontend) AS
        SELECT user_id, chat_id, state_json, last_row, NULL, NULL, NULL, rest_due, rest_s, idle_due, frontend
        FROM conversations;
    CREATE TRIGGER conversation_writes_insert INSTEAD OF INSERT ON conversation_writes BEGIN
        INSERT INTO conversations (user_id, chat_id, state_json, last_row, rest_due, rest_s, idle_due, frontend)
        VALUES (NEW.user_id, NEW.chat_id, NEW.state_json, CASE WHEN NEW.moved THEN NEW.message_row END,
                CASE WHEN NEW.rest = 'set' THEN NEW.rest_due END, CASE WHEN NEW.rest = 'set' THEN NEW.rest_s END,
                NEW.idle_due, NEW.frontend)
        ON CONFLICT (user_id, chat_id) DO UPDATE SET
            state_json = excluded.state_json,
            last_row = coalesce(excluded.last_row, conversations.last_row),
            rest_due = CASE NEW.rest WHEN 'keep' THEN conversations.rest_due WHEN 'set' THEN excluded.rest_due END,
            rest_s = CASE NEW.rest WHEN 'keep' THEN conversations.rest_s WHEN 'set' THEN excluded.rest_s END,
            rest_claimed_at = CASE NEW.rest WHEN 'keep' THEN conversations.rest_claimed_at END,
            idle_due = excluded.idle_due,
            idle_claimed_at = NULL,
            frontend = excluded.frontend;
        UPDATE messages SET context_json = NEW.context_json
        WHERE NEW.context_json IS NOT NULL AND id = NEW.message_row AND user_id = NEW.user_id;
    END;
    CREATE VIEW outcome_writes (message_row, user_id, kind, feedback_json, sets_json, chat_id, state_json, moved,
                                context_json, rest, rest_due, rest_s, idle_due, frontend) AS
        SELECT id, user_id, kind, feedback_json, NULL, chat_id, NULL, NULL, context_json, NULL, NULL, NULL, NULL, NULL
        FROM messages;
    CREATE TRIGGER outcome_writes_insert INSTEAD OF INSERT ON outcome_writes BEGIN
        INSERT INTO outcomes (message_row, user_id, kind, feedback_json, sets_json)
        VALUES (NEW.message_row, NEW.user_id, NEW.kind, NEW.feedback_json, NEW.sets_json);
        INSERT INTO conversation_writes (user_id, chat_id, state_json, message_row, moved, context_json, rest,
                                         rest_due, rest_s, idle_due, frontend)
        SELECT NEW.user_id, NEW.chat_id, NEW.state_json, NEW.message_row, NEW.moved, NEW.context_json, NEW.rest,
               NEW.rest_due, NEW.rest_s, NEW.idle_due, NEW.frontend
        WHERE NEW.state_json IS NOT NULL;
    END;
    """,
    # 19: when the lifter last chose their unit in /settings (issue #16): the choice is answered at once, and
    # only sets logged after it can say they lift in the other unit now (rules.units.lifter_unit).
    """
    ALTER TABLE users ADD COLUMN unit_set_at TEXT;
    """,
    # 20: each lifter's count of removed or changed sets (issue #15), so a front-end that keeps their recent sets
    # parsed (bot/storage/recent.py) sees any edit, undo or deletion, by whoever made it, and reads them again.
    # New sets need no count: AUTOINCREMENT ids only grow. No foreign key: the count outlives the lifter's rows.
    """
    CREATE TABLE set_changes (user_id INTEGER PRIMARY KEY, edits INTEGER NOT NULL);
    CREATE TRIGGER set_changes_delete AFTER DELETE ON sets BEGIN
        INSERT INTO set_changes (user_id, edits) VALUES (OLD.user_id, 1)
        ON CONFLICT (user_id) DO UPDATE SET edits = edits + 1;
    END;
    CREATE TRIGGER set_changes_update AFTER UPDATE ON sets BEGIN
        INSERT INTO set_changes (user_id, edits) VALUES (OLD.user_id, 1), (NEW.user_id, 1)
        ON CONFLICT (user_id) DO UPDATE SET edits = edits + 1;
    END;
    CREATE INDEX sets_by_user_id ON sets (user_id, id);
    """,
    # 21: when a lifter who never chose a unit no longer needs the hint that a bare 135 or 225 was logged in kg
    # (shown once, with the first such set; or they wrote a unit): it is never shown twice.
    """
    ALTER TABLE users ADD COLUMN unit_hint_at TEXT;
    """,
)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text)


_SET_COLUMNS = (
    "performed_at, exercise, raw_exercise, known, technique, segments_json, unit, bodyweight, "
    "rir, rpe, amrap, rest_s, grp, pair_position, message_row, position, set_json"
)


def _history_query(user_id: int, since: datetime, longer: tuple[datetime, Sequence[str]] | None) -> Query:
    condition, params = "performed_at >= ?", [_iso(since)]
    if longer is not None and longer[1]:
        moment, exercises = longer
        marks = ", ".join("?" * len(exercises))
        # The range on performed_at stays outside the OR, so SQLite walks (user_id, performed_at) from the
        # earlier moment instead of scanning all of a lifter's years (18 ms at 30,000 sets; see bench/).
        earliest = min(since, moment)
        condition = f"performed_at >= ? AND (performed_at >= ? OR exercise IN ({marks}))"
        params = [_iso(earliest), _iso(since), *exercises]
    sql = (
        "SELECT json_group_array(json_object('performed_at', performed_at, 'set', json(set_json))) FROM "
        f"(SELECT performed_at, set_json FROM sets WHERE user_id = ? AND {condition} "
        "ORDER BY performed_at, message_row, position)"
    )
    return sql, [user_id, *params]


def _recent_query(
    user_id: int, since: datetime, after: int | None, longer: tuple[datetime, Sequence[str]] | None
) -> Query:
    condition = "performed_at >= ?"
    params: list[object] = [_iso(since)]
    if longer is not None and longer[1]:  # as in _history_query: the range on performed_at outside the OR
        marks = ", ".join("?" * len(longer[1]))
        condition = f"performed_at >= ? AND (performed_at >= ? OR exercise IN ({marks}))"
        params = [_iso(min(since, longer[0])), _iso(since), *longer[1]]
    if after is not None:
        condition = f"{condition} AND id > ?"
        params.append(after)
    sql = (
        "SELECT json_object('edits', coalesce((SELECT edits FROM set_changes WHERE user_id = ?), 0), "
        "'sets', json_group_array(json_object('performed_at', performed_at, 'set', json(set_json))), "
        "'keys', json_group_array(json_array(message_row, position, id))) FROM "
        f"(SELECT id, message_row, position, performed_at, set_json FROM sets WHERE user_id = ? AND {condition} "
        "ORDER BY performed_at, message_row, position)"
    )
    return sql, [user_id, user_id, *params]


def _checkins_query(user_id: int, since: date) -> Query:
    sql = (
        "SELECT json_group_array(json_object('day', day, 'soreness', soreness, "
        "'sore_muscles', json(sore_muscles_json), 'joints', json(joints_json), 'signs', json(signs_json))) "
        "FROM (SELECT * FROM checkins WHERE user_id = ? AND day >= ? ORDER BY day)"
    )
    return sql, [user_id, since.isoformat()]


def _bests_query(
    user_id: int, exercises: Sequence[str], before: datetime | None, done_before: datetime | None
) -> Query:
    marks = ", ".join("?" * len(exercises))
    condition, params = "", [user_id, *exercises]
    if before is not None:
        condition, params = " AND first_at < ?", [*params, _iso(before)]
    if done_before is not None:  # only lifts done before (a session's first workout of a lift sets no PRs)
        condition += (
            " AND EXISTS (SELECT 1 FROM set_bests AS e WHERE e.user_id = set_bests.user_id "
            "AND e.exercise = set_bests.exercise AND e.sets > 0 AND e.first_at < ?)"
        )
        params.append(_iso(done_before))
    sql = (
        "SELECT exercise, load, reps, nullif(rir, -1) AS rir, amrap, unit FROM set_bests "
        f"WHERE user_id = ? AND exercise IN ({marks}) AND sets > 0{condition}"
    )
    return sql, params


def _bests_json_query(
    user_id: int, exercises: Sequence[str], before: datetime | None, done_before: datetime | None
) -> Query:
    sql, params = _bests_query(user_id, exercises, before, done_before)
    return f"SELECT json_group_array(json_array(exercise, load, reps, rir, amrap, unit)) FROM ({sql})", params


def _set_from_row(row: Sequence[Any]) -> ParsedSet:
    if row[16] is not None:
        return ParsedSet.model_validate_json(row[16])
    return ParsedSet(  # only while migration 5 has not run
        exercise=row[1],
        raw_exercise=row[2],
        known=bool(row[3]),
        technique=Technique(row[4]),
        segments=tuple(Segment(load=segment[0], reps=segment[1]) for segment in json.loads(row[5])),
        unit=row[6],
        bodyweight=bool(row[7]),
        rir=row[8],
        rpe=row[9],
        amrap=bool(row[10]),
        rest_s=row[11],
        group=row[12],
        pair_position=row[13],
    )


BUSY_TIMEOUT_S = 5.0  # how long a write waits for another connection's lock before it fails
# SQLite copies the write-ahead log into the database file (a checkpoint, with an fsync) inside the commit that
# takes the log past 1,000 pages: every so often one lifter's reply waited for it (bench/conversation.py: p99 of
# a carry-forward set 6.6-7.8 ms with it on the reply path, 3.8-4.1 ms without). `Checkpointer` does it on its
# own connection and thread, a moment after writes; the reply path checkpoints only as a backstop, should the
# log ever run this far ahead (~40 MB of 4 KB pages).
CHECKPOINT_AFTER_S = 1.0
WAL_BACKSTOP_PAGES = 10_000


class _WriteLock(asyncio.Lock):
    """The one-writer lock; each write that ends under it tells the checkpointer."""

    def __init__(self, wrote: Callable[[], None]) -> None:
        super().__init__()
        self._wrote = wrote

    async def __aexit__(self, *_: object) -> None:
        self.release()
        self._wrote()


class Checkpointer:
    """Checkpoints the write-ahead log off the reply path: on a connection of its own, in a worker thread,
    `CHECKPOINT_AFTER_S` after a write, PASSIVE (it never blocks a reader or a writer)."""

    def __init__(self, path: Path | str, busy_timeout_s: float) -> None:
        self._db = sqlite3.connect(str(path), timeout=busy_timeout_s, isolation_level=None, check_same_thread=False)
        self._using = threading.Lock()  # the connection is used by one thread at a time, and closed by none
        self._closed = False
        self._pending: asyncio.Task[None] | None = None

    def wrote(self) -> None:
        if not self._closed and (self._pending is None or self._pending.done()):
            self._pending = asyncio.get_running_loop().create_task(self._checkpoint_soon())

    async def _checkpoint_soon(self) -> None:
        await asyncio.sleep(CHECKPOINT_AFTER_S)
        await asyncio.to_thread(self._checkpoint)

    def _checkpoint(self) -> None:
        with self._using:
            if self._closed:
                return
            try:
                self._db.execute("PRAGMA wal_checkpoint(PASSIVE)")
            except sqlite3.Error as error:  # the log waits for the next one (or the backstop); nothing is lost
                log.warning("background WAL checkpoint failed: %s", error)

    def _close(self) -> None:
        with self._using:
            self._closed = True
            self._db.close()

    async def close(self) -> None:
        self._closed = True
        if self._pending is not None:
            self._pending.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._pending
        await asyncio.to_thread(self._close)


@asynccontextmanager
async def _unavailable_on_failure() -> AsyncIterator[None]:
    """SQLite's "could not make this durable" errors (full disk, read-only file, lock held too long, I/O,
    corruption) as the port's `StorageUnavailable`; constraint and programming errors stay bugs."""
    try:
        yield
    except (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError):
        raise
    except sqlite3.DatabaseError as error:
        raise StorageUnavailable(str(error)) from error


class Storage(SharedStorage):
    """The lifter's data. Open once (`await Storage.open(path)`), close once."""

    def __init__(
        self,
        connection: aiosqlite.Connection,
        frontend: Frontend = Frontend.TELEGRAM,
        checkpointer: Checkpointer | None = None,
    ) -> None:
        self._db = connection
        self._checkpointer = checkpointer  # None: in memory, no log to copy
        self._write_lock = _WriteLock(self._wrote)
        super().__init__(frontend)

    @staticmethod
    def _moment(value: Any) -> datetime:  # moments are stored as UTC ISO text
        return _moment(value)

    @staticmethod
    def _day(value: Any) -> date:
        return date.fromisoformat(value)

    # Sets, check-ins and set_bests come back as one JSON array (pydantic-core validates it natively).
    _history_query = staticmethod(_history_query)
    _checkins_query = staticmethod(_checkins_query)
    _recent_query = staticmethod(_recent_query)
    _bests_json_query = staticmethod(_bests_json_query)
    _bests_query = staticmethod(_bests_query)  # set_bests is kept by triggers (migrations 11, 12 and 17)

    def _last_sets_query(self, user_id: int, exercises: Sequence[str], before: datetime) -> Query:
        part = (
            "SELECT * FROM (SELECT performed_at, message_row, position, set_json FROM sets WHERE user_id = ? "
            "AND exercise = ? AND performed_at < ? ORDER BY performed_at DESC LIMIT ?)"
        )
        sql = " UNION ALL ".join([part] * len(exercises))
        params: list[object] = []
        for name in exercises:
            params += [user_id, name, _iso(before), self.LAST_TIME_SETS]
        return (
            "SELECT json_group_array(json_object('performed_at', performed_at, 'set', json(set_json))) FROM "
            f"(SELECT * FROM ({sql}) ORDER BY performed_at, message_row, position)",
            params,
        )

    @classmethod
    async def open(
        cls,
        path: Path | str,
        busy_timeout_s: float = BUSY_TIMEOUT_S,
        trace: Callable[[str], object] | None = None,
        frontend: Frontend = Frontend.TELEGRAM,
    ) -> Storage:
        """Open for `frontend`, migrate and prove the file can be written; `StorageUnavailable` says why it cannot.

        `trace` is called with every SQL statement run (tests and benchmarks count database trips)."""
        try:
            return await cls._open(path, busy_timeout_s, trace, frontend)
        except (OSError, sqlite3.Error) as error:
            raise StorageUnavailable(
                f"SetCoach cannot write its database {path}: {error}. "
                "Check the path (SETCOACH_DB), free disk space and permissions."
            ) from error

    @classmethod
    async def _open(
        cls, path: Path | str, busy_timeout_s: float, trace: Callable[[str], object] | None, frontend: Frontend
    ) -> Storage:
        # Autocommit: a single statement is its own atomic transaction (one trip to the database
        # thread); multi-statement writes open an explicit BEGIN IMMEDIATE in `_write`.
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)  # `--db new/folder/x.db` just works
        connection = await aiosqlite.connect(str(path), isolation_level=None)
        try:
            if trace is not None:
                await connection.set_trace_callback(trace)
            await connection.execute("PRAGMA journal_mode=WAL")
            await connection.execute("PRAGMA synchronous=NORMAL")
            await connection.execute(f"PRAGMA busy_timeout={int(busy_timeout_s * 1000)}")
            await connection.execute("PRAGMA foreign_keys=ON")
            storage = cls(connection, frontend)
            await storage._migrate()
            # A real write: a read-only file, a full disk or a foreign lock is refused now, not on a lifter's set.
            await connection.execute(
                "INSERT INTO meta (key, value) VALUES ('opened_at', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (_iso(datetime.now(UTC)),),
            )
            if str(path) != ":memory:":
                await connection.execute(f"PRAGMA wal_autocheckpoint={WAL_BACKSTOP_PAGES}")
                storage._checkpointer = Checkpointer(path, busy_timeout_s)
        except BaseException:
            await connection.close()
            raise
        return storage

    def _wrote(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.wrote()

    async def close(self) -> None:
        try:
            if self._checkpointer is not None:
                await self._checkpointer.close()
        finally:
            await self._db.close()

    async def _migrate(self) -> None:
        row = await self._row("PRAGMA user_version")
        version = int(row[0]) if row else 0
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            log.info("applying database migration %d", number)
            await self._db.executescript(f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version={number};\nCOMMIT;")

    @asynccontextmanager
    async def _write(self) -> AsyncIterator[aiosqlite.Connection]:
        """One writer at a time, in an explicit transaction that is committed before we reply."""
        async with self._write_lock, _unavailable_on_failure():
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                await self._db.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):  # a failed COMMIT (disk full) leaves it open
                    await self._db.execute("ROLLBACK")
                raise

    async def _write_one(self, sql: str, params: Sequence[object]) -> int:
        """One statement, atomic on its own; returns the rows it changed."""
        async with self._write_lock, _unavailable_on_failure():
            cursor = await self._db.execute(sql, params)
            return cursor.rowcount

    async def _rows(self, sql: str, params: Sequence[object] = ()) -> list[Any]:
        """A read in one trip to the database thread (`async with execute()` takes three)."""
        async with _unavailable_on_failure():
            return list(await self._db.execute_fetchall(sql, params))

    @staticmethod
    async def _rows_in(db: aiosqlite.Connection, sql: str, params: Sequence[object] = ()) -> list[Any]:
        return list(await db.execute_fetchall(sql, params))

    @staticmethod
    async def _row_in(db: aiosqlite.Connection, sql: str, params: Sequence[object] = ()) -> Any:
        rows = list(await db.execute_fetchall(sql, params))
        return rows[0] if rows else None

    async def schema_version(self) -> int:
        row = await self._row("PRAGMA user_version")
        return int(row[0]) if row else 0

    # Users ---------------------------------------------------------------------------------

    async def user(self, user_id: int, chat_id: int | None = None, now: datetime | None = None) -> UserSettings:
        row = await self._row(f"SELECT {USER_COLUMNS}, frontend FROM users WHERE id = ?", (user_id,))
        if row is None or (chat_id is not None and (row[7] != chat_id or row[USER_WIDTH] != self.frontend)):
            async with self._write() as db:  # a chat given is where the lifter is now: through this front-end
                await db.execute(
                    "INSERT INTO users (id, chat_id, created_at, frontend) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (id) DO UPDATE SET chat_id = coalesce(excluded.chat_id, users.chat_id), "
                    "frontend = CASE WHEN excluded.chat_id IS NULL THEN users.frontend ELSE excluded.frontend END",
                    (user_id, chat_id, _iso(now or datetime.now(UTC)), self.frontend.value),
                )
            return await self.user(user_id)
        return self._user_from_row(row)

    async def update_user(self, user_id: int, **fields: object) -> UserSettings:
        check_user_fields(fields)
        values = [
            _iso(v) if isinstance(v, datetime) else v.isoformat() if isinstance(v, date) else v
            for v in fields.values()
        ]
        assignments = ", ".join(f"{name} = ?" for name in fields)
        await self._write_one(f"UPDATE users SET {assignments} WHERE id = ?", (*values, user_id))
        return await self.user(user_id)

    # Messages and sets ---------------------------------------------------------------------

    async def record_message(
        self, user_id: int, chat_id: int, message_id: int, text: str, received_at: datetime
    ) -> StoredMessage:
        async with self._write_lock:
            inserted = await self._rows(
                "INSERT INTO messages (user_id, chat_id, message_id, text, received_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (user_id, chat_id, message_id) DO NOTHING RETURNING id",
                (user_id, chat_id, message_id, text, _iso(received_at)),
            )
        if inserted:
            return StoredMessage(row=inserted[0][0], is_new=True, answered=False)
        existing = await self._row(
            "SELECT id, answered FROM messages WHERE user_id = ? AND chat_id = ? AND message_id = ?",
            (user_id, chat_id, message_id),
        )
        assert existing is not None
        return StoredMessage(row=existing[0], is_new=False, answered=bool(existing[1]))

    async def _insert_arrivals(self, messages: list[Arrival]) -> list[Arrived | None]:
        values = ", ".join(["(?, ?, ?, ?, ?)"] * len(messages))
        async with self._write_lock:
            rows = await self._rows(
                "INSERT INTO messages (user_id, chat_id, message_id, text, received_at) "
                f"SELECT * FROM (VALUES {values}) AS new "
                # a lifter last seen through another front-end takes the long way, which moves them here
                "WHERE EXISTS (SELECT 1 FROM users WHERE users.id = new.column1 AND users.frontend = ?) "
                "ON CONFLICT (user_id, chat_id, message_id) DO NOTHING RETURNING user_id, chat_id, message_id, id, "
                f"(SELECT json_array({USER_COLUMNS}) FROM users WHERE users.id = messages.user_id), "
                "(SELECT json_array(state_json, last_row, rest_due, rest_s) FROM conversations "
                "WHERE conversations.user_id = messages.user_id AND conversations.chat_id = messages.chat_id)",
                [
                    *(value for *message, received_at in messages for value in (*message, _iso(received_at))),
                    self.frontend.value,
                ],
            )
        found = {
            (row[0], row[1], row[2]): (
                row[3], self._user_from_row(json.loads(row[4])), json.loads(row[5]) if row[5] else None
            )
            for row in rows
        }  # fmt: skip
        return [found.get(message[:3]) for message in messages]

    async def message_row(self, user_id: int, chat_id: int, message_id: int) -> int | None:
        row = await self._row(
            "SELECT id FROM messages WHERE user_id = ? AND chat_id = ? AND message_id = ?",
            (user_id, chat_id, message_id),
        )
        return int(row[0]) if row else None

    async def edit_message(self, user_id: int, row: int, text: str, edited_at: datetime) -> bool:
        changed = await self._write_one(
            "UPDATE messages SET text = ?, edited_at = ?, answered = 0 WHERE id = ? AND user_id = ? "
            "AND NOT (answered = 1 AND edited_at IS ? AND text = ?)",
            (text, _iso(edited_at), row, user_id, _iso(edited_at), text),
        )
        return changed > 0

    async def _insert_outcomes(self, outcomes: list[Outcome]) -> list[None]:
        # One INSERT into the `outcome_writes` view (migration 16): its trigger replaces the sets and marks the
        # message (the `outcomes` view, 6) and writes the conversation a row carries (`conversation_writes`, 8).
        values = ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"] * len(outcomes))
        params: list[object] = []
        for row, user_id, kind, feedback_json, sets, then in outcomes:
            items = [{"performed_at": _iso(when), "set": parsed} for parsed, when in sets]
            params += [row, user_id, kind, feedback_json, to_json(items).decode() if items else "[]"]
            if then is None:
                params += [None] * 9
            else:
                params += [
                    then.chat_id, then.state_json, int(then.moved), then.context_json, then.rest.value,
                    _iso(then.rest_due) if then.rest_due else None, then.rest_s,
                    _iso(then.idle_due) if then.idle_due else None, then.frontend.value,
                ]  # fmt: skip
        await self._write_one(
            "INSERT INTO outcome_writes (message_row, user_id, kind, feedback_json, sets_json, chat_id, state_json, "
            f"moved, context_json, rest, rest_due, rest_s, idle_due, frontend) VALUES {values}",
            params,
        )
        return [None] * len(outcomes)

    async def _mark_answered(self, messages: list[tuple[int, int]]) -> list[None]:
        values = ", ".join(["(?, ?)"] * len(messages))
        await self._write_one(
            # A join, not `(id, user_id) IN (VALUES ...)`: SQLite 3.40 matches no row with that form here.
            f"UPDATE messages SET answered = 1 FROM (VALUES {values}) AS done "
            "WHERE messages.id = done.column1 AND messages.user_id = done.column2",
            [value for message in messages for value in message],
        )
        return [None] * len(messages)

    async def histories(self, user_ids: Sequence[int], since: datetime) -> dict[int, list[LoggedSet]]:
        if not user_ids:
            return {}
        marks = ", ".join("?" * len(user_ids))
        rows = await self._rows(
            "SELECT user_id, json_group_array(json_object('performed_at', performed_at, 'set', json(set_json))) "
            f"FROM (SELECT user_id, performed_at, set_json FROM sets WHERE user_id IN ({marks}) "
            "AND performed_at >= ? ORDER BY user_id, performed_at, message_row, position) GROUP BY user_id",
            (*user_ids, _iso(since)),
        )
        return {int(row[0]): HISTORY.validate_json(row[1]) for row in rows}

    async def recent_sets(self, user_id: int, limit: int) -> list[HistoryRow]:
        rows = await self._set_rows(user_id, newest_first=True, limit=limit)
        return list(reversed(rows))

    async def all_sets(self, user_id: int) -> list[HistoryRow]:
        return await self._set_rows(user_id)

    async def exercise_summaries(self, user_id: int, exercise: str) -> list[SetSummary]:
        rows = await self._rows(
            "SELECT performed_at, json_extract(segments_json, '$[0][0]'), json_extract(segments_json, '$[0][1]'), "
            "rir, amrap, bodyweight, unit FROM sets WHERE user_id = ? AND exercise = ? ORDER BY performed_at",
            (user_id, exercise),
        )
        return [
            SetSummary(_moment(r[0]), None if r[1] is None else float(r[1]), int(r[2]), r[3], bool(r[4]), bool(r[5]),
                       r[6])
            for r in rows
        ]  # fmt: skip

    async def _set_rows(
        self,
        user_id: int,
        since: datetime | None = None,
        newest_first: bool = False,
        limit: int | None = None,
    ) -> list[HistoryRow]:
        order = "DESC" if newest_first else "ASC"
        query = f"SELECT {_SET_COLUMNS} FROM sets WHERE user_id = ?"
        params: list[object] = [user_id]
        if since is not None:
            query += " AND performed_at >= ?"
            params.append(_iso(since))
        query += f" ORDER BY performed_at {order}, message_row {order}, position {order}"
        if limit is not None:
            query += " LIMIT ?"
            params.append(limit)
        rows = await self._rows(query, params)
        return [
            HistoryRow(performed_at=_moment(row[0]), message_row=row[14], position=row[15], set=_set_from_row(row))
            for row in rows
        ]

    async def last_feedback(self, user_id: int) -> list[Feedback]:
        row = await self._row(
            "SELECT feedback_json FROM messages WHERE user_id = ? AND feedback_json IS NOT NULL "
            "ORDER BY id DESC LIMIT 1",
            (user_id,),
        )
        return [Feedback.model_validate(item) for item in json.loads(row[0])] if row else []

    async def undo_last(self, user_id: int, by_row: int | None = None) -> list[ParsedSet]:
        # One transaction: what it removed is kept on the /undo message (`by_row`) too.
        async with self._write() as db:
            if by_row is not None:
                done = await self._row_in(
                    db, "SELECT effect_json FROM messages WHERE id = ? AND user_id = ?", (by_row, user_id)
                )
                if done is not None and done[0] is not None:
                    return SETS.validate_json(done[0])
            found = await self._row_in(
                db, "SELECT message_row FROM sets WHERE user_id = ? ORDER BY message_row DESC LIMIT 1", (user_id,)
            )
            if found is None:
                if by_row is not None:
                    await db.execute("UPDATE messages SET effect_json = '[]' WHERE id = ? AND user_id = ?",
                                     (by_row, user_id))  # fmt: skip
                return []
            rows = await self._rows_in(
                db,
                f"SELECT {_SET_COLUMNS} FROM sets WHERE user_id = ? AND message_row = ? ORDER BY position",
                (user_id, found[0]),
            )
            await db.execute("DELETE FROM sets WHERE user_id = ? AND message_row = ?", (user_id, found[0]))
            await db.execute(
                "UPDATE messages SET kind = ?, feedback_json = NULL WHERE id = ? AND user_id = ?",
                (MessageKind.UNDONE, found[0], user_id),
            )
            removed = [_set_from_row(row) for row in rows]
            if by_row is not None:
                await db.execute(
                    "UPDATE messages SET effect_json = ? WHERE id = ? AND user_id = ?",
                    (SETS.dump_json(removed).decode(), by_row, user_id),
                )
        return removed

    async def forget(self, user_id: int) -> None:
        self.drop_kept(user_id)  # the database's edit count would say so too; this frees the memory now
        async with self._write() as db:
            for table in ("sets", "set_bests", "checkins", "conversations", "messages"):
                await db.execute(f"DELETE FROM {table} WHERE user_id = ?", (user_id,))
            await db.execute("DELETE FROM users WHERE id = ?", (user_id,))

    # Button presses, confirmations, the bot that owns the data ------------------------------

    async def record_press(self, user_id: int, press_id: str, received_at: datetime) -> bool:
        async with self._write() as db:
            await db.execute("DELETE FROM presses WHERE received_at < ?", (_iso(received_at - self.PRESS_MEMORY),))
            found = await self._row_in(
                db, "SELECT answered FROM presses WHERE user_id = ? AND press_id = ?", (user_id, press_id)
            )
            if found is not None:
                return not found[0]
            await db.execute(
                "INSERT INTO presses (user_id, press_id, received_at) VALUES (?, ?, ?)",
                (user_id, press_id, _iso(received_at)),
            )
        return True

    async def mark_press_answered(self, user_id: int, press_id: str) -> None:
        await self._write_one("UPDATE presses SET answered = 1 WHERE user_id = ? AND press_id = ?", (user_id, press_id))

    async def issue_confirmation(self, user_id: int, purpose: str, token: str, expires_at: datetime) -> None:
        await self._write_one(
            "INSERT INTO confirmations (user_id, purpose, token, expires_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (user_id, purpose) DO UPDATE SET token = excluded.token, expires_at = excluded.expires_at",
            (user_id, purpose, token, _iso(expires_at)),
        )

    async def consume_confirmation(self, user_id: int, purpose: str, token: str, now: datetime) -> bool:
        async with self._write() as db:
            found = await self._row_in(
                db, "SELECT token, expires_at FROM confirmations WHERE user_id = ? AND purpose = ?", (user_id, purpose)
            )
            if found is None or found[0] != token:
                return False
            await db.execute("DELETE FROM confirmations WHERE user_id = ? AND purpose = ?", (user_id, purpose))
        return bool(_moment(found[1]) > now)

    async def bind_bot(self, bot_id: int) -> int:
        await self._write_one(
            "INSERT INTO meta (key, value) VALUES ('bot_id', ?) ON CONFLICT (key) DO NOTHING", (str(bot_id),)
        )
        row = await self._row("SELECT value FROM meta WHERE key = 'bot_id'")
        return int(row[0])

    async def hold_poller(self, instance: str, now: datetime, ttl: timedelta, take_over: str | None = None) -> str:
        await self._write_one(
            "INSERT INTO meta (key, value) VALUES ('poller', json_object('instance', ?, 'until', ?)) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value "
            "WHERE json_extract(meta.value, '$.instance') IN (?, ?) OR json_extract(meta.value, '$.until') < ?",
            (instance, _iso(now + ttl), instance, take_over or instance, _iso(now)),
        )
        row = await self._row("SELECT json_extract(value, '$.instance') FROM meta WHERE key = 'poller'")
        return str(row[0])

    async def release_poller(self, instance: str) -> None:
        await self._write_one(
            "DELETE FROM meta WHERE key = 'poller' AND json_extract(value, '$.instance') = ?", (instance,)
        )

    # Webhook mode's inbox -------------------------------------------------------------------

    async def _inbox_insert(self, updates: list[InboxUpdate]) -> list[None]:
        values = ", ".join(["(?, ?, ?, ?)"] * len(updates))
        await self._write_one(
            f"INSERT INTO inbox (update_id, user_id, payload, received_at) VALUES {values} "
            "ON CONFLICT (update_id) DO NOTHING",
            [value for *update, received_at in updates for value in (*update, _iso(received_at))],
        )
        return [None] * len(updates)

    @staticmethod
    def _inbox_claim_query(worker: str, now: datetime, stale: timedelta, limit: int) -> Query:
        sql = (
            "UPDATE inbox SET claimed_by = ?, claimed_at = ? WHERE update_id IN ("
            "SELECT i.update_id FROM inbox AS i WHERE i.done_at IS NULL "
            "AND (i.claimed_at IS NULL OR i.claimed_at < ?) "
            "AND NOT EXISTS (SELECT 1 FROM inbox AS e WHERE e.user_id = i.user_id AND e.done_at IS NULL "
            "AND e.update_id < i.update_id) ORDER BY i.update_id LIMIT ?) RETURNING update_id, user_id, payload"
        )
        return sql, [worker, _iso(now), _iso(now - stale), limit]

    async def inbox_done(self, update_id: int) -> None:
        now = datetime.now(UTC)
        await self._write_one("UPDATE inbox SET done_at = ? WHERE update_id = ?", (_iso(now), update_id))
        if update_id % 100 == 0:
            await self._write_one("DELETE FROM inbox WHERE done_at < ?", (_iso(now - self.PRESS_MEMORY),))

    async def count_messages(self, user_id: int) -> int:
        row = await self._row("SELECT count(*) FROM messages WHERE user_id = ?", (user_id,))
        return int(row[0]) if row else 0

    async def next_console_message_id(self, user_id: int) -> int:
        row = await self._row("SELECT max(message_id) FROM messages WHERE user_id = ?", (user_id,))
        return int(row[0] or 0) + 1 if row else 1

    # Check-ins -----------------------------------------------------------------------------

    async def save_checkin(self, user_id: int, checkin: CheckIn, raw_text: str | None, answered_at: datetime) -> None:
        async with self._write() as db:
            await db.execute(
                "INSERT INTO checkins (user_id, day, soreness, sore_muscles_json, joints_json, raw_text, answered_at, "
                "signs_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, day) DO UPDATE SET "
                "soreness = excluded.soreness, sore_muscles_json = excluded.sore_muscles_json, "
                "joints_json = excluded.joints_json, raw_text = excluded.raw_text, answered_at = excluded.answered_at, "
                "signs_json = excluded.signs_json",
                (
                    user_id,
                    checkin.day.isoformat(),
                    checkin.soreness.value,
                    json.dumps(list(checkin.sore_muscles)),
                    json.dumps({joint: level.value for joint, level in checkin.joints.items()}),
                    raw_text,
                    _iso(answered_at),
                    json.dumps(list(checkin.signs)),
                ),
            )

    # The check-in sweep ----------------------------------------------------------------------

    async def claim_due_checkins(self, now: datetime, limit: int = 1000, user_id: int | None = None) -> list[Claim]:
        # The claim moves the due instant to claimed_due; finish_checkins sets the next one.
        async with (
            self._write() as db,
            db.execute(
                "UPDATE users SET claimed_due = next_checkin_utc, claimed_at = ?, next_checkin_utc = NULL "
                "WHERE id IN (SELECT id FROM users WHERE checkins_on = 1 AND next_checkin_utc IS NOT NULL "
                "AND next_checkin_utc <= ? AND frontend = ? AND (? IS NULL OR id = ?) ORDER BY next_checkin_utc "
                "LIMIT ?) RETURNING id, unit, experience, timezone, checkin_time, chat_id, claimed_due, "
                "checkin_sent_for, language",
                (_iso(now), _iso(now), self.frontend.value, user_id, user_id, limit),
            ) as cursor,
        ):
            rows = await cursor.fetchall()
        return [self._claim_from_row(row) for row in rows]

    async def mark_checkin_sent(self, user_id: int) -> None:
        await self._write_one(
            "UPDATE users SET checkin_sent_for = claimed_due, awaiting = ? WHERE id = ? AND claimed_due IS NOT NULL",
            (Awaiting.CHECKIN, user_id),
        )

    async def finish_checkins(self, outcomes: Iterable[tuple[int, datetime]]) -> None:
        async with self._write() as db:
            await db.executemany(
                "UPDATE users SET next_checkin_utc = ?, claimed_due = NULL, claimed_at = NULL "
                "WHERE id = ? AND checkins_on = 1",
                [(_iso(moment), user_id) for user_id, moment in outcomes],
            )

    async def recover_stale_claims(self, claimed_before: datetime) -> int:
        return await self._write_one(
            "UPDATE users SET next_checkin_utc = claimed_due, claimed_due = NULL, claimed_at = NULL "
            "WHERE checkins_on = 1 AND claimed_at IS NOT NULL AND claimed_at < ? AND next_checkin_utc IS NULL "
            "AND frontend = ?",
            (_iso(claimed_before), self.frontend.value),
        )

    async def disable_checkins(self, user_id: int) -> None:
        await self._write_one(
            "UPDATE users SET checkins_on = 0, next_checkin_utc = NULL, claimed_due = NULL, claimed_at = NULL "
            "WHERE id = ?",
            (user_id,),
        )

    # The workout as a conversation -----------------------------------------------------------

    async def conversation(self, user_id: int, chat_id: int) -> Conversation:
        row = await self._row(
            "SELECT state_json, last_row, rest_due, rest_s FROM conversations WHERE user_id = ? AND chat_id = ?",
            (user_id, chat_id),
        )
        return self._conversation_from_row(row)

    async def _write_conversation(self, write: ConversationWrite) -> None:
        # One statement: an INSERT into the conversation_writes view (migration 8).
        await self._write_one(
            "INSERT INTO conversation_writes (user_id, chat_id, state_json, message_row, moved, context_json, rest, "
            "rest_due, rest_s, idle_due, frontend) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                write.user_id,
                write.chat_id,
                write.state_json,
                write.row,
                int(write.moved),
                write.context_json,
                write.rest.value,
                _iso(write.rest_due) if write.rest_due else None,
                write.rest_s,
                _iso(write.idle_due) if write.idle_due else None,
                write.frontend.value,
            ),
        )

    async def all_messages(self, user_id: int) -> list[tuple[datetime, str, str]]:
        rows = await self._rows(
            "SELECT received_at, kind, text FROM messages WHERE user_id = ? ORDER BY id", (user_id,)
        )
        return [(_moment(row[0]), str(row[1]), str(row[2])) for row in rows]

    async def message_text(self, user_id: int, row: int) -> str | None:
        found = await self._row("SELECT text FROM messages WHERE id = ? AND user_id = ?", (row, user_id))
        return str(found[0]) if found is not None else None

    async def message_context(self, user_id: int, row: int) -> MessageContext | None:
        found = await self._row(
            "SELECT context_json, received_at FROM messages WHERE id = ? AND user_id = ?", (row, user_id)
        )
        return self._context_from_row(found)

    async def claim_due_timers(self, now: datetime, user_id: int | None = None) -> list[TimerClaim]:
        stale = _iso(now - timedelta(seconds=self.STALE_TIMER_CLAIM))
        claims: list[TimerClaim] = []
        for kind in (TimerKind.REST, TimerKind.IDLE):
            due, claimed = f"{kind.value}_due", f"{kind.value}_claimed_at"
            rows = await self._rows(
                f"UPDATE conversations SET {claimed} = ? WHERE {due} IS NOT NULL AND {due} <= ? "
                f"AND ({claimed} IS NULL OR {claimed} < ?) AND frontend = ? AND (? IS NULL OR user_id = ?) "
                f"RETURNING user_id, chat_id, state_json, {due}, rest_s",
                (_iso(now), _iso(now), stale, self.frontend.value, user_id, user_id),
            )
            claims += [self._timer_claim_from_row(kind, row) for row in rows]
        return claims

    async def finish_timer(self, claim: TimerClaim) -> None:
        if claim.kind is TimerKind.REST:
            sql = "UPDATE conversations SET rest_due = NULL, rest_s = NULL, rest_claimed_at = NULL"
            sql += " WHERE user_id = ? AND chat_id = ? AND rest_due = ?"
            params: tuple[object, ...] = (claim.user_id, claim.chat_id, _iso(claim.due))
        else:
            sql = "UPDATE conversations SET idle_due = NULL, idle_claimed_at = NULL, state_json = ?"
            sql += " WHERE user_id = ? AND chat_id = ? AND idle_due = ?"
            params = (State().model_dump_json(), claim.user_id, claim.chat_id, _iso(claim.due))
        await self._write_one(sql, params)
