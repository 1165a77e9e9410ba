"""The lifter's data: one module per backend, the public names here.

`Backend` (contract.py) is what every backend provides: the handlers' `Store` port plus the
check-in sweep's calls. `Storage` is the SQLite backend (sqlite.py). Handlers never see a backend
class; the composition root opens one once and hands it in as a `Store`.
"""

from bot.storage.contract import Backend, Claim
from bot.storage.sqlite import MIGRATIONS, GroupWrite, Storage
from handlers.ports import StoredMessage

__all__ = ["MIGRATIONS", "Backend", "Claim", "GroupWrite", "Storage", "StoredMessage"]


def _sqlite_is_a_backend(storage: Storage) -> Backend:
    return storage  # mypy checks here that Storage provides every call of the contract
