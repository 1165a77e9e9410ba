"""Settings from the environment (and an optional .env file); the token is a secret, never logged."""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class StartRefused(Exception):
    """The bot must not run as configured (e.g. the database belongs to another bot); the message says why."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    telegram_bot_token: SecretStr | None = Field(default=None, validation_alias="TELEGRAM_BOT_TOKEN")
    telegram_base_url: str | None = Field(default=None, validation_alias="TELEGRAM_BASE_URL")
    db_path: Path = Field(default=Path("setcoach.db"), validation_alias=AliasChoices("SETCOACH_DB"))
    log_level: str = Field(default="INFO", validation_alias=AliasChoices("SETCOACH_LOG_LEVEL", "LOG_LEVEL"))
    # Seconds to wait on Telegram for a request (getUpdates adds its long-poll time to this).
    telegram_timeout_s: float = Field(default=10.0, validation_alias="SETCOACH_TELEGRAM_TIMEOUT")
    # Keep within Telegram's limits (about 30 messages a second); off only for benchmarks.
    rate_limit: bool = Field(default=True, validation_alias="SETCOACH_RATE_LIMIT")
    # Check-in prompts started per second (Telegram allows ~30 messages/s in all; the rest is for replies).
    # 0 sends them unpaced (benchmarks only).
    prompts_per_second: float = Field(default=20.0, validation_alias="SETCOACH_PROMPTS_PER_SECOND")
    # How often the check-in sweep looks for due prompts.
    sweep_seconds: float = Field(default=30.0, validation_alias="SETCOACH_SWEEP_SECONDS")
    # How often rest pings and idle-session summaries are looked for (an indexed query on due rows).
    timer_sweep_seconds: float = Field(default=1.0, validation_alias="SETCOACH_TIMER_SWEEP_SECONDS")

    @property
    def token(self) -> str | None:
        return self.telegram_bot_token.get_secret_value() if self.telegram_bot_token else None
