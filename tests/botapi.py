"""A small Bot API server on 127.0.0.1 that stands in for Telegram's, at the protocol level.

It speaks what python-telegram-bot sends (form-encoded fields, nested values as JSON strings),
queues updates for getUpdates long polling, records every call, and checks HTML replies the way
Telegram does (a malformed one gets Telegram's 400). Tests push updates and read what was sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from aiohttp import web

ANONYMOUS_ADMIN = 1087968824  # Telegram's GroupAnonymousBot: the `from` of every anonymous admin's message
BOT_ID = 4242
BOT_USER = {"id": 4242, "is_bot": True, "first_name": "SetCoach", "username": "setcoach_test_bot"}
ALLOWED_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "code", "pre", "a", "tg-spoiler", "span",
                "blockquote"}  # fmt: skip
LOOPBACK = ("http://127.0.0.1:", "http://localhost:")  # the only webhooks this stand-in posts to
WEBHOOK_RETRY_S = 0.2
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")


class _TelegramHTML(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.problem: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problem = self.problem or f'unsupported start tag "{tag}"'
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.problem = self.problem or f'unmatched end tag "{tag}"'


def html_problem(text: str) -> str | None:
    """Why Telegram would refuse this HTML, or None."""
    stripped = _ENTITY.sub("", re.sub(r"</?[a-zA-Z-]+(?:\s[^<>]*)?>", "", text))
    if "<" in stripped or ">" in stripped:
        return "unescaped < or >"
    if "&" in stripped:
        return "unescaped &"
    parser = _TelegramHTML()
    parser.feed(text)
    parser.close()
    if parser.problem:
        return parser.problem
    if parser.stack:
        return f'unclosed tag "{parser.stack[-1]}"'
    return None


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)
    status: int = 200
    result: Any = None
    token: str = ""


# A fault to inject: (method, HTTP status, JSON body) returned instead of the normal answer.
Fault = tuple[int, dict[str, Any]]


class FakeBotAPI:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.updates: list[dict[str, Any]] = []
        self.pushed: list[dict[str, Any]] = []  # every update ever queued, confirmed or not
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(10_000)
        self._changed = asyncio.Condition()
        self.faults: dict[str, list[Fault]] = {}
        self.blocked: set[int] = set()  # chats whose user blocked the bot: sendMessage answers 403
        self.files: dict[str, bytes] = {}  # file_id -> content, for documents lifters send
        self.delays: dict[str, list[float]] = {}  # method -> seconds to stall its next answers
        self.latency = 0.0  # seconds added to every answer but getUpdates: a network between bot and server
        self._site: web.TCPSite | None = None
        self.on_call: Callable[[Call], None] | None = None
        self.port = 0
        self._runner: web.AppRunner | None = None
        self._closing = False
        # Faults at the protocol level, as Telegram (or the network in front of it) produces them:
        self.webhook_url = ""  # while set, getUpdates answers 409 as Telegram does
        self.webhook_secret = ""
        self.deliveries: list[tuple[int, int]] = []  # (update id, HTTP status) of each webhook POST
        self.webhook_targets: list[str] = []  # a load balancer: POST to these in turn instead of the webhook URL
        self._deliverer: asyncio.Task[None] | None = None
        self.conflicts = False  # a second concurrent getUpdates terminates the first with 409
        self._polling: dict[int, asyncio.Future[None]] = {}  # pending long polls, by connection
        self.dribble: dict[str, list[float]] = {}  # method -> seconds between bytes of its next answers
        self.garble: dict[str, int] = {}  # method -> how many next answers are malformed HTTP
        self.delivered_late: dict[str, list[float]] = {}  # method -> seconds to wait *after* acting
        self.gates: dict[str, asyncio.Event] = {}  # method -> its answers wait until the test opens the gate
        self.me: dict[str, Any] = dict(BOT_USER)  # the bot as getMe last described it (its id is the token's)
        self.languages: dict[int, str] = {}  # user id -> the language_code their Telegram app sends
        # What the bot has set up: command menus by (scope type, language code or ""), descriptions by language.
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.descriptions: dict[str, str] = {}
        self.short_descriptions: dict[str, str] = {}
        # Every message the bot sent, as it reads now (edits applied): (chat id, message id) -> message.
        self.bot_messages: dict[tuple[int, int], dict[str, Any]] = {}

    # Lifecycle -----------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._dispatch)
        app.router.add_get("/file/bot{token}/{path:.*}", self._download)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self.port)
        await site.start()
        self._site = site
        self.port = int(self._runner.addresses[0][1])

    async def go_down(self, seconds: float) -> None:
        """Stop listening for `seconds` (connections are refused), then come back on the same port."""
        assert self._site is not None and self._runner is not None
        await self._site.stop()
        await asyncio.sleep(seconds)
        self._site = web.TCPSite(self._runner, "127.0.0.1", self.port)
        await self._site.start()

    def fail_next(self, method: str, status: int, description: str, retry_after: int | None = None) -> None:
        body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if retry_after is not None:
            body["parameters"] = {"retry_after": retry_after}
        self.faults.setdefault(method, []).append((status, body))

    async def stop(self) -> None:
        """Release pending long polls at once, then close (instead of waiting out their timeout)."""
        async with self._changed:
            self._closing = True
            self._changed.notify_all()
        if self._deliverer is not None:
            self._deliverer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._deliverer
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    # What the tests do ---------------------------------------------------------------------

    def user(self, user_id: int) -> dict[str, Any]:
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": f"Lifter{user_id}"}
        if user_id in self.languages:
            user["language_code"] = self.languages[user_id]
        return user

    @staticmethod
    def chat(chat_id: int) -> dict[str, Any]:
        """A private chat for a positive id (the lifter's own), a supergroup for a negative one."""
        if chat_id < 0:
            return {"id": chat_id, "type": "supergroup", "title": f"Gym {-chat_id}"}
        return {"id": chat_id, "type": "private"}

    async def _push(self, update: dict[str, Any]) -> int:
        update_id = next(self._update_ids)
        update["update_id"] = update_id
        async with self._changed:
            self.pushed.append(update)
            self.updates.append(update)
            self._changed.notify_all()
        return update_id

    def _message(
        self, user_id: int, text: str, message_id: int | None, chat_id: int | None = None
    ) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": message_id if message_id is not None else next(self._message_ids),
            "date": int(time.time()),
            "chat": self.chat(chat_id if chat_id is not None else user_id),
            "from": self.user(user_id),
            "text": text,
        }
        if text.startswith("/"):
            length = len(text.split()[0])
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        return message

    async def send_text(
        self,
        user_id: int,
        text: str,
        message_id: int | None = None,
        *,
        chat_id: int | None = None,
        reply_to: dict[str, Any] | None = None,
        forwarded_from: int | None = None,
    ) -> int:
        """A lifter sends a message (in a group when `chat_id` is negative); returns its message id.

        `reply_to` is the message it answers (one of `bot_messages`, or another user's); `forwarded_from`
        makes it a forward of that user's message."""
        message = self._message(user_id, text, message_id, chat_id)
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        if forwarded_from is not None:
            message["forward_origin"] = {"type": "user", "date": int(time.time()) - 3600,
                                         "sender_user": self.user(forwarded_from)}  # fmt: skip
        await self._push({"message": message})
        return int(message["message_id"])

    async def send_other(self, user_id: int, kind: str, chat_id: int | None = None) -> None:
        """A lifter sends something that is not text: photo, sticker, location, voice, video, contact."""
        message = self._message(user_id, "", None, chat_id)
        del message["text"]
        file = {"file_id": f"{kind}1", "file_unique_id": f"u{kind}1"}
        message.update(OTHER_KINDS[kind](file))
        await self._push({"message": message})

    async def service(self, chat_id: int, user_id: int, kind: str) -> None:
        """A service message in a chat: someone joined or left, a message was pinned, the title changed."""
        message = self._message(user_id, "", None, chat_id)
        del message["text"]
        message.update(SERVICE_KINDS[kind](self.user(user_id)))
        await self._push({"message": message})

    async def edit_text(self, user_id: int, message_id: int, text: str, edit_date: int | None = None) -> int:
        """The lifter edits a message; returns the edit's date (pass it again to re-deliver the same edit)."""
        message = self._message(user_id, text, message_id)
        message["edit_date"] = edit_date or int(time.time())
        await self._push({"edited_message": message})
        return int(message["edit_date"])

    async def send_document(self, user_id: int, filename: str, content: bytes, message_id: int | None = None) -> int:
        """A lifter sends a file (e.g. a Strong CSV export); returns its message id."""
        file_id = f"file{len(self.files) + 1}"
        self.files[file_id] = content
        message = self._message(user_id, "", message_id)
        del message["text"]
        message["document"] = {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": filename,
                                "mime_type": "text/csv", "file_size": len(content)}  # fmt: skip
        await self._push({"message": message})
        return int(message["message_id"])

    async def send_in_group(
        self, group_id: int, user_id: int, text: str, sender_chat: dict[str, Any] | None = None
    ) -> int:
        """A message in a group; `sender_chat` set means an anonymous admin (Telegram sends them all as one user)."""
        message = self._message(user_id, text, None)
        message["chat"] = {"id": group_id, "type": "supergroup", "title": f"Group {group_id}"}
        if sender_chat is not None:
            message["sender_chat"] = sender_chat
            message["from"] = {"id": ANONYMOUS_ADMIN, "is_bot": True, "first_name": "Group",
                               "username": "GroupAnonymousBot"}  # fmt: skip
        await self._push({"message": message})
        return int(message["message_id"])

    async def press(
        self, user_id: int, data: str, query_id: str | None = None, chat_id: int | None = None
    ) -> str:
        """A lifter taps the button with this callback data on the newest bot message showing it
        (or on a stand-in message when no sent message has it); returns the query id."""
        chat = chat_id if chat_id is not None else user_id
        bot_message = {"message_id": 1, "date": int(time.time()), "chat": self.chat(chat), "from": self.me,
                       "text": "buttons"}  # fmt: skip
        for (sent_chat, _), message in reversed(self.bot_messages.items()):
            if sent_chat == chat and data in self.button_data(message):
                bot_message = message
                break
        query_id = query_id or f"cq{time.monotonic_ns()}"
        query = {"id": query_id, "from": self.user(user_id), "chat_instance": "ci",
                 "data": data, "message": bot_message}  # fmt: skip
        await self._push({"callback_query": query})
        return query_id

    @staticmethod
    def button_data(message: dict[str, Any]) -> list[str]:
        markup = message.get("reply_markup") or {}
        return [str(b.get("callback_data")) for row in markup.get("inline_keyboard", []) for b in row]

    def last_bot_message(self, chat_id: int) -> dict[str, Any]:
        """The newest message the bot sent to this chat, as it reads now."""
        return [m for (chat, _), m in self.bot_messages.items() if chat == chat_id][-1]

    async def push_raw(self, update: dict[str, Any]) -> int:
        return await self._push(update)

    def refused(self) -> list[Call]:
        """Calls the server turned down (bad HTML, injected faults)."""
        return [call for call in self.calls if call.status != 200]

    def sent(self, chat_id: int | None = None, method: str = "sendMessage") -> list[dict[str, Any]]:
        return [
            call.params
            for call in self.calls
            if call.method == method
            and call.status == 200
            and (chat_id is None or int(call.params.get("chat_id", 0)) == chat_id)
        ]

    def calls_to(self, method: str) -> list[dict[str, Any]]:
        """What the server answered to each successful call of `method` (sent messages, with their ids)."""
        return [call.result for call in self.calls if call.method == method and call.status == 200]

    def texts(self, chat_id: int) -> list[str]:
        return [str(params["text"]) for params in self.sent(chat_id)]

    async def wait_for(self, predicate: Callable[[], bool], timeout: float = 10.0) -> None:
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(predicate), timeout)

    def started(self) -> int:
        """How many times a bot finished starting: the default command menu (no scope, no language) is the
        last thing it sets up, after every other menu and description (bot/telegram/profile.py)."""
        return sum(
            1
            for params in self.sent(method="setMyCommands")
            if not params.get("scope") and not params.get("language_code")
        )

    def said(self, chat_id: int) -> list[str]:
        """Every text the bot put in the chat, in order: messages sent and edits made (a pressed button
        edits the message it was on)."""
        return [
            str(call.params.get("text", ""))
            for call in self.calls
            if call.method in ("sendMessage", "editMessageText")
            and call.status == 200
            and int(call.params.get("chat_id", 0) or 0) == chat_id
        ]

    async def wait_for_said(self, chat_id: int, count: int, timeout: float = 10.0) -> list[str]:
        await self.wait_for(lambda: len(self.said(chat_id)) >= count, timeout)
        return self.said(chat_id)

    async def wait_for_replies(self, chat_id: int, count: int, timeout: float = 10.0) -> list[str]:
        await self.wait_for(lambda: len(self.sent(chat_id)) >= count, timeout)
        return self.texts(chat_id)

    def confirmed_offset(self) -> int:
        """The highest getUpdates offset the bot asked for: updates below it are confirmed."""
        offsets = [int(c.params.get("offset", 0) or 0) for c in self.calls if c.method == "getUpdates"]
        return max(offsets, default=0)

    def all_confirmed(self) -> bool:
        """The bot confirmed every update queued so far: it is done with them (the offset passes only what is
        handled and answered), so nothing more is sent because of them."""
        return bool(self.pushed) and self.confirmed_offset() > max(update["update_id"] for update in self.pushed)

    # The protocol ----------------------------------------------------------------------------

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        params = await self._params(request)
        call = Call(method, params, token=request.match_info["token"])
        self.calls.append(call)
        if self.on_call is not None:
            self.on_call(call)
        async with self._changed:  # a test waiting for this call (a long poll, say) need not wait for its answer
            self._changed.notify_all()
        if self.garble.get(method):
            self.garble[method] -= 1
            call.status = 0
            assert request.transport is not None
            request.transport.write(b"HTTP/1.1 200 OK\r\nContent-Length: zz\r\n\r\n{}")
            request.transport.close()
            return web.Response()
        stall = self.delays.get(method)
        if stall:
            await asyncio.sleep(stall.pop(0))
        gate = self.gates.get(method)
        if gate is not None:
            await gate.wait()
        if self.latency and method != "getUpdates":
            await asyncio.sleep(self.latency)
        queued = self.faults.get(method)
        if queued:
            call.status, body = queued.pop(0)
            return web.json_response(body, status=call.status)
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)
        if method == "getUpdates":
            result = await self._long_poll(request, params)
        elif method == "getMe":
            result = self.me = {**BOT_USER, "id": self.bot_id(call.token)}
        else:
            result = await handler(params)
        async with self._changed:
            self._changed.notify_all()
        if isinstance(result, web.Response):
            call.status = result.status
            return result
        call.result = result
        late = self.delivered_late.get(method)
        if late:  # done (and recorded as sent), but the answer is slow to come back
            await asyncio.sleep(late.pop(0))
        answer = json.dumps({"ok": True, "result": result}).encode()
        gaps = self.dribble.get(method)
        if gaps:
            return await self._dribbled(request, answer, gaps.pop(0))
        return web.Response(body=answer, content_type="application/json")

    @staticmethod
    async def _dribbled(request: web.Request, body: bytes, gap: float) -> web.StreamResponse:
        """The answer a byte at a time, `gap` seconds apart: each read is quick, the whole is not."""
        response = web.StreamResponse(headers={"Content-Type": "application/json", "Content-Length": str(len(body))})
        await response.prepare(request)
        with contextlib.suppress(ConnectionError):
            for index in range(len(body)):
                await response.write(body[index : index + 1])
                await asyncio.sleep(gap)
            await response.write_eof()
        return response

    async def _long_poll(self, request: web.Request, params: dict[str, Any]) -> Any:
        """getUpdates as Telegram answers it: 409 while a webhook is set, or to the older of two pollers."""
        if self.webhook_url:
            return self._conflict("Conflict: can't use getUpdates method while webhook is active; "
                                  "use deleteWebhook to delete the webhook first")  # fmt: skip
        connection = id(request.transport)
        terminated: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        if self.conflicts:
            for other, pending in list(self._polling.items()):
                if other != connection and not pending.done():
                    pending.set_result(None)
        self._polling[connection] = terminated
        try:
            poll = asyncio.ensure_future(self._api_getUpdates(params))
            await asyncio.wait({poll, terminated}, return_when=asyncio.FIRST_COMPLETED)
            if terminated.done() and not poll.done():
                poll.cancel()
                return self._conflict(
                    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
                )
            return poll.result()
        finally:
            if self._polling.get(connection) is terminated:
                del self._polling[connection]

    @staticmethod
    def _conflict(description: str) -> web.Response:
        return web.json_response({"ok": False, "error_code": 409, "description": description}, status=409)

    def bot_id(self, token: str) -> int:
        """Telegram's bot id is the token's number before the colon."""
        head = token.split(":", 1)[0]
        return int(head) if head.isdigit() else BOT_ID

    @staticmethod
    async def _params(request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            data: dict[str, Any] = await request.json()
            return data
        form = await request.post()
        params: dict[str, Any] = {}
        for key, value in form.items():
            if isinstance(value, web.FileField):
                params[key] = value.file.read()
                continue
            text = value if isinstance(value, str) else ""
            if text[:1] in "[{":
                try:
                    params[key] = json.loads(text)
                    continue
                except ValueError:
                    pass
            params[key] = text
        return params

    async def _api_getMe(self, params: dict[str, Any]) -> Any:
        return BOT_USER  # answered in _dispatch, which knows the token

    async def _api_deleteWebhook(self, params: dict[str, Any]) -> Any:
        self.webhook_url = ""
        if str(params.get("drop_pending_updates", "")).lower() == "true":
            async with self._changed:
                self.updates.clear()
        return True

    async def _api_setWebhook(self, params: dict[str, Any]) -> Any:
        """As Telegram does: from now on updates are POSTed to the URL (only a loopback one here), in order,
        with the secret in a header; anything but 200 and the same update is sent again shortly after."""
        self.webhook_url = str(params.get("url", ""))
        self.webhook_secret = str(params.get("secret_token", ""))
        if self.webhook_url.startswith(LOOPBACK) and (self._deliverer is None or self._deliverer.done()):
            self._deliverer = asyncio.create_task(self._deliver())
        return True

    async def _deliver(self) -> None:
        import aiohttp

        def due() -> bool:
            return bool(self.updates) or not self.webhook_url.startswith(LOOPBACK) or self._closing

        async with aiohttp.ClientSession() as session:
            while True:
                async with self._changed:
                    await self._changed.wait_for(due)
                if not self.webhook_url.startswith(LOOPBACK) or self._closing:
                    return
                update = self.updates[0]
                target = self.webhook_targets[len(self.deliveries) % len(self.webhook_targets)] if (
                    self.webhook_targets) else self.webhook_url  # fmt: skip
                headers = {"X-Telegram-Bot-Api-Secret-Token": self.webhook_secret} if self.webhook_secret else {}
                try:
                    async with session.post(target, json=update, headers=headers) as answer:
                        status = answer.status
                except aiohttp.ClientError:
                    status = 0
                self.deliveries.append((int(update["update_id"]), status))
                if status == 200:
                    async with self._changed:
                        if self.updates and self.updates[0] is update:
                            self.updates.pop(0)
                        self._changed.notify_all()
                else:
                    await asyncio.sleep(WEBHOOK_RETRY_S)

    async def _api_getWebhookInfo(self, params: dict[str, Any]) -> Any:
        return {"url": self.webhook_url, "has_custom_certificate": False, "pending_update_count": len(self.updates)}

    async def _api_setMyCommands(self, params: dict[str, Any]) -> Any:
        scope = params.get("scope") or {"type": "default"}
        key = (str(scope["type"]), str(params.get("language_code") or ""))
        commands = params["commands"]
        for command in commands:
            name, description = str(command["command"]), str(command["description"])
            if not re.fullmatch(r"[a-z0-9_]{1,32}", name) or not 1 <= len(description) <= 256:
                return self._bad_request(f"BOT_COMMAND_INVALID: {name!r}")
        self.commands[key] = commands
        return True

    async def _api_setMyDescription(self, params: dict[str, Any]) -> Any:
        text = str(params.get("description") or "")
        if len(text) > 512:
            return self._bad_request("description is too long")
        self.descriptions[str(params.get("language_code") or "")] = text
        return True

    async def _api_setMyShortDescription(self, params: dict[str, Any]) -> Any:
        text = str(params.get("short_description") or "")
        if len(text) > 120:
            return self._bad_request("short description is too long")
        self.short_descriptions[str(params.get("language_code") or "")] = text
        return True

    async def _api_sendChatAction(self, params: dict[str, Any]) -> Any:
        if params.get("action") not in CHAT_ACTIONS:
            return self._bad_request("wrong parameter action in request")
        return True

    @staticmethod
    def _bad_request(problem: str) -> web.Response:
        body = {"ok": False, "error_code": 400, "description": f"Bad Request: {problem}"}
        return web.json_response(body, status=400)

    async def _api_answerCallbackQuery(self, params: dict[str, Any]) -> Any:
        return True

    async def _api_getUpdates(self, params: dict[str, Any]) -> Any:
        offset = int(params.get("offset", 0) or 0)
        timeout = float(params.get("timeout", 0) or 0)
        limit = int(params.get("limit", 100) or 100)

        def pending() -> list[dict[str, Any]]:
            return [u for u in self.updates if u["update_id"] >= offset][:limit]

        async with self._changed:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]  # confirmed ones are gone
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait_for(lambda: bool(pending()) or self._closing), timeout)
            return pending()

    def _bad_html(self, params: dict[str, Any]) -> web.Response | None:
        if params.get("parse_mode") == "HTML":
            problem = html_problem(str(params.get("text", "")))
            if problem:
                body = {"ok": False, "error_code": 400, "description": f"Bad Request: can't parse entities: {problem}"}
                return web.json_response(body, status=400)
        if len(str(params.get("text", ""))) > 4096:
            body = {"ok": False, "error_code": 400, "description": "Bad Request: message is too long"}
            return web.json_response(body, status=400)
        return None

    async def _api_getFile(self, params: dict[str, Any]) -> Any:
        file_id = str(params["file_id"])
        return {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_size": len(self.files[file_id]),
                "file_path": f"documents/{file_id}.csv"}  # fmt: skip

    async def _download(self, request: web.Request) -> web.Response:
        file_id = request.match_info["path"].rsplit("/", 1)[-1].removesuffix(".csv")
        return web.Response(body=self.files[file_id])

    async def _api_sendPhoto(self, params: dict[str, Any]) -> Any:
        return self._bot_message(next(self._message_ids), int(params["chat_id"]), {"text": ""})

    async def _api_sendDocument(self, params: dict[str, Any]) -> Any:
        return self._bot_message(next(self._message_ids), int(params["chat_id"]), {"text": ""})

    async def _api_sendMessage(self, params: dict[str, Any]) -> Any:
        refused = self._bad_html(params)
        if refused is not None:
            return refused
        chat_id = int(params["chat_id"])
        if chat_id in self.blocked:
            body = {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"}
            return web.json_response(body, status=403)
        return self._bot_message(next(self._message_ids), chat_id, params)

    async def _api_editMessageText(self, params: dict[str, Any]) -> Any:
        refused = self._bad_html(params)
        if refused is not None:
            return refused
        return self._edit(params, {"text": params.get("text", ""), "reply_markup": params.get("reply_markup")})

    async def _api_editMessageReplyMarkup(self, params: dict[str, Any]) -> Any:
        return self._edit(params, {"reply_markup": params.get("reply_markup")})

    def _edit(self, params: dict[str, Any], change: dict[str, Any]) -> Any:
        """Telegram's rules: only the bot's own messages, and an edit must change something."""
        key = (int(params.get("chat_id", 0) or 0), int(params.get("message_id", 0) or 0))
        message = self.bot_messages.get(key)
        if message is None:
            return self._bad_request("message to edit not found")
        updated = {**message, **change}
        if not updated.get("reply_markup"):
            updated.pop("reply_markup", None)
        if updated == message:
            return self._bad_request(
                "message is not modified: specified new message content and reply markup are exactly the same "
                "as a current content and reply markup of the message"
            )
        self.bot_messages[key] = updated
        return updated

    def _bot_message(self, message_id: int, chat_id: int, params: dict[str, Any]) -> dict[str, Any]:
        message = {"message_id": message_id, "date": int(time.time()), "chat": self.chat(chat_id), "from": self.me,
                   "text": params.get("text", "")}  # fmt: skip
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        self.bot_messages[(chat_id, message_id)] = message
        return message


CHAT_ACTIONS = {
    "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
    "choose_sticker", "find_location", "record_video_note", "upload_video_note",
}  # fmt: skip
OTHER_KINDS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "photo": lambda f: {"photo": [{**f, "width": 90, "height": 90}]},
    "sticker": lambda f: {"sticker": {**f, "type": "regular", "width": 512, "height": 512, "is_animated": False,
                                      "is_video": False, "emoji": "💪"}},
    "location": lambda f: {"location": {"latitude": 52.52, "longitude": 13.40}},
    "voice": lambda f: {"voice": {**f, "duration": 4}},
    "video": lambda f: {"video": {**f, "width": 640, "height": 360, "duration": 9}},
    "video_note": lambda f: {"video_note": {**f, "length": 240, "duration": 5}},
    "audio": lambda f: {"audio": {**f, "duration": 120}},
    "contact": lambda f: {"contact": {"phone_number": "+100", "first_name": "Coach"}},
    "poll": lambda f: {"poll": {"id": "p1", "question": "Leg day?", "options": [], "total_voter_count": 0,
                                "is_closed": False, "is_anonymous": True, "type": "regular",
                                "allows_multiple_answers": False}},
    "dice": lambda f: {"dice": {"emoji": "🎲", "value": 4}},
}
SERVICE_KINDS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "joined": lambda user: {"new_chat_members": [user]},
    "left": lambda user: {"left_chat_member": user},
    "title": lambda user: {"new_chat_title": "Leg day crew"},
    "pinned": lambda user: {"pinned_message": {"message_id": 5, "date": 0, "chat": {"id": 0, "type": "private"}}},
}


# Run on its own (`python -m tests.botapi`), so a benchmark's bot does not share a CPU with it,
# as it never shares one with Telegram. The control routes push updates and read what was sent.
async def _serve_forever(latency_ms: float) -> None:
    server = FakeBotAPI()
    server.latency = latency_ms / 1000
    await server.start()
    assert server._runner is not None

    async def push(request: web.Request) -> web.Response:
        for item in (await request.json())["messages"]:
            await server.send_text(int(item["user"]), str(item["text"]))
        return web.json_response({"ok": True})

    async def sent(request: web.Request) -> web.Response:
        if "texts" not in request.query:
            return web.json_response(
                {"count": sum(1 for c in server.calls if c.method == "sendMessage" and c.status == 200)}
            )
        texts: dict[str, list[str]] = {}
        for params in server.sent():
            texts.setdefault(str(params["chat_id"]), []).append(str(params.get("text", "")))
        return web.json_response({"count": sum(len(t) for t in texts.values()), "texts": texts})

    async def reset(request: web.Request) -> web.Response:
        server.calls.clear()
        server.updates.clear()
        return web.json_response({"ok": True})

    async def wait(request: web.Request) -> web.Response:
        """Answers once chat `chat` has been sent `count` messages (a benchmark's reply latency, server-side)."""
        chat, count = int(request.query["chat"]), int(request.query["count"])
        await server.wait_for(lambda: len(server.sent(chat)) >= count, float(request.query.get("timeout", 120)))
        return web.json_response({"ok": True})

    control = web.Application()
    control.router.add_get("/wait", wait)
    control.router.add_post("/push", push)
    control.router.add_get("/sent", sent)
    control.router.add_post("/reset", reset)
    runner = web.AppRunner(control, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    print(f"BOTAPI {server.port} CONTROL {runner.addresses[0][1]}", flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    import sys

    asyncio.run(_serve_forever(float(sys.argv[1]) if len(sys.argv) > 1 else 0.0))
