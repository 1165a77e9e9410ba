"""English words for the replies built in handlers/render.py: how a set is echoed, logged, corrected,
explained, listed and undone; /help; the fallback for chatter."""

from __future__ import annotations

from handlers.words import N_

CATALOGUE: dict[str, str] = {
    # Echoing a set
    "unit.kg": N_("kg"),
    "unit.lb": N_("lb"),
    "set.reps": N_("{reps} rep{reps_s}"),
    "set.hold": N_("{time} hold"),
    "set.in": N_("in {time}"),
    "set.each_side": N_("each side"),
    "set.warmup": N_("warm-up"),
    "set.rest": N_("{seconds} s rest"),
    "set.bodyweight": N_("bodyweight"),
    "set.new": N_("(new to me: logged as typed)"),
    "technique.rest_pause": N_("rest-pause"),
    "technique.drop_set": N_("drop set"),
    "technique.myo_reps": N_("myo-reps"),
    "technique.cluster": N_("cluster"),
    "time.s": N_("{n} s"),
    "time.min": N_("{n} min"),
    "time.h": N_("{n} h"),
    "distance.km": N_("{n} km"),
    "distance.m": N_("{n} m"),
    # Dates (English month and weekday names; other languages use numbers)
    "date.day": N_("{day:%a %d %b}"),
    "date.short": N_("{day:%d %b}"),
    # Logged, corrected, unreadable
    "logged": N_("✅ Logged"),
    "corrected": N_("✏️ Corrected: your edit replaced that entry"),
    "corrected.unreadable": N_("✏️ I saw your edit but couldn't read it, so that entry now logs nothing."),
    "why.tap": N_("<i>Why? Tap the button or send /why for the rules and sources.</i>"),
    "why.button": N_("Why?"),
    "at.column": N_("column {column}"),
    "at.line_column": N_("line {line}, column {column}"),
    "at.line": N_("line {line}"),
    "unreadable.kept": N_("Nothing was lost: I kept your message. Fix it by editing it, or send it again."),
    # /why
    "why.nothing": N_("Nothing to explain yet: log a set and I'll tell you what I think of it."),
    "why.title": N_("<b>Why I said that</b>"),
    "why.rule": N_("Rule <code>{rule}</code> · Source: {source}"),
    # Answers
    "answer.evidence": N_("📚 <i>Evidence: {evidence}</i>"),
    "answer.source": N_("Source: {source}"),
    "answer.cannot": N_("I can't answer that yet, and I'd rather not guess. Questions I can answer:"),
    # /history, /undo
    "history.none": N_("No sets yet. Send one like <code>bench 100kg 3x8 @8</code>."),
    "history.title": N_("<b>Recent sets</b>"),
    "undo.nothing": N_("There's nothing to undo."),
    "undo.removed": N_("↩️ Removed:"),
    "undo.kept": N_("(The message itself stays on record.)"),
    # /help and chatter
    "help": N_(
        "<b>Text me your sets the way you'd write them down</b>\n"
        "\n"
        "<code>bench 100kg 3x8 @8</code>: 3 sets of 8 at RPE 8\n"
        "<code>row 3x10 60,60,55</code>: one load per set\n"
        "<code>lat raise 20kg 12+4+3 RIR1</code>: rest-pause\n"
        "<code>curl 20/15/10kg 10+8+6</code>: drop set\n"
        "<code>bench 80kg 8 &gt; cable fly 15kg 15</code>: a post-exhaust pair\n"
        "<code>squat 100kg AMRAP 9</code>: AMRAP, for your next block's loads\n"
        "\n"
        "Ask me things too: <i>rest-pause or drop set for leg press?</i>\n"
        "\n"
        "/history recent sets · /why the reasons behind my last reply · /undo remove the last entry\n"
        "/week your week with a chart · /progress bench a lift over time · /block your 12-week block\n"
        "/export a CSV of everything\n"
        "/ask a question · /checkin how are the joints? · /settings unit, time zone, check-ins · /forget delete my "
        "data\n"
        "Send a Strong CSV export as a file to import it. The full notation guide is in docs/notation.md."
    ),
    "chat_fallback": N_(
        "I read training logs and training questions. Try <code>bench 100kg 3x8 @8</code>, "
        "or ask <i>should I go to failure on squats?</i> /help shows more."
    ),
}
