"""Settings from the environment (and an optional .env file); the token is a secret, never logged."""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class StartRefused(Exception):
    """The bot must not run as configured (e.g. the database belongs to another bot); the message says why."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", env_ignore_empty=True)  # KEY= is unset

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

    # PostgreSQL instead of the SQLite file (postgres:// or postgresql://, as Heroku and Railway set it).
    database_url_secret: SecretStr | None = Field(default=None, validation_alias="DATABASE_URL")
    # Webhook mode when set: the public HTTPS address Telegram posts to, ending in /telegram.
    webhook_url: str | None = Field(default=None, validation_alias="SETCOACH_WEBHOOK_URL")
    # Checked on every webhook call; derived from the token when unset (the same on every worker).
    webhook_secret: SecretStr | None = Field(default=None, validation_alias="SETCOACH_WEBHOOK_SECRET")
    # How many connections Telegram may open to the webhook at once (Telegram's default is 40).
    webhook_connections: int = Field(default=40, ge=1, le=100, validation_alias="SETCOACH_WEBHOOK_CONNECTIONS")
    # The HTTP port: the webhook and /healthz in webhook mode; /healthz alone in polling mode when set.
    port: int | None = Field(default=None, validation_alias="PORT")
    host: str = Field(default="0.0.0.0", validation_alias="SETCOACH_HOST")

    @property
    def token(self) -> str | None:
        return self.telegram_bot_token.get_secret_value() if self.telegram_bot_token else None

    @property
    def database_url(self) -> str | None:
        return self.database_url_secret.get_secret_value() if self.database_url_secret else None
