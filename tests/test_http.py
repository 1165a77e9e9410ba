"""The Bot API transport reads proxy settings from the environment, as python-telegram-bot's httpx did."""

from __future__ import annotations

import pytest

from bot.telegram.http import environment_proxy


@pytest.mark.parametrize(
    ("environment", "origin", "proxy"),
    [
        ({}, "https://api.telegram.org", None),
        ({"HTTPS_PROXY": "http://proxy:3128"}, "https://api.telegram.org", "http://proxy:3128"),
        ({"HTTPS_PROXY": "http://proxy:3128"}, "http://127.0.0.1:8081", None),
        ({"HTTP_PROXY": "http://proxy:3128"}, "http://127.0.0.1:8081", "http://proxy:3128"),
        ({"HTTPS_PROXY": "http://proxy:3128", "NO_PROXY": "api.telegram.org"}, "https://api.telegram.org", None),
    ],
)
def test_proxy_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], origin: str, proxy: str | None
) -> None:
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert environment_proxy(origin) == proxy
