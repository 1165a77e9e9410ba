"""/block: start or show the lifter's 12-week block (failure-proximity guide), with next-block loads."""

from __future__ import annotations

from datetime import timedelta

from handlers.base import Incoming, Reply, Services
from handlers.checkins import local_day
from handlers.render import render_block
from rules import blocks
from rules.models import UserSettings
from rules.units import lifter_unit

NEW = frozenset({"new", "start", "restart", "next"})
STOP = frozenset({"stop", "end", "off", "cancel"})


async def block(message: Incoming, user: UserSettings, services: Services) -> Reply:
    """/block shows the running block or starts one; `/block new` starts the next; `/block stop` ends it."""
    argument = message.text.partition(" ")[2].strip().lower()
    now = services.clock()
    today = local_day(user, now)
    if argument in STOP:
        if user.block_started_on is None:
            return Reply(render_block(None, started=False, stopped=True))
        await services.storage.update_user(user.id, block_started_on=None)
        return Reply(render_block(None, started=False, stopped=True))
    if argument and argument not in NEW:
        return Reply(render_block(None, started=False, usage=True))
    history = await services.storage.history(user.id, since=now - timedelta(days=blocks.AMRAP_LOOKBACK_DAYS))
    start = user.block_started_on
    started = start is None or argument in NEW
    if started:
        start = today
        await services.storage.update_user(user.id, block_started_on=today)
    unit = lifter_unit(history, user.unit, chosen_at=user.unit_set_at)  # the loads in the unit they lift in now
    return Reply(render_block(blocks.status(start, today, history, unit), started=started))
