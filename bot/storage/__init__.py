"""The lifter's data: one package per backend, the public names here.

`Storage` is the SQLite backend (bot/storage/sqlite.py). Handlers never see it: they use the `Store`
port (handlers/ports.py), and the composition root (bot/app.py) opens the backend once.
"""

from bot.storage.sqlite import MIGRATIONS, Claim, GroupWrite, Storage, StoredMessage

__all__ = ["MIGRATIONS", "Claim", "GroupWrite", "Storage", "StoredMessage"]
