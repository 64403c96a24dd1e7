"""The brute force of issue 15 on a stolen copy of the database: before and after the key moved
out of it.

    .venv/bin/python bench/hash_bruteforce.py [--users 50] [--ids 100000]

Both layouts are written by the real code (Store, UserHasher, MessageRecord rows for
``--users`` Telegram ids drawn from 0..ids-1):

- baseline, as before issue 15: the salt in the database's ``state`` table;
- now: the key in a 0600 file apart from the data (assistant.keys), the database copied alone.

The attack reads every value of the copy's ``state`` table (and the empty key) as a candidate
key and hashes ``telegram:<id>`` for every id from 0 to ids-1 with HMAC-SHA256 in plain
Python, counting the users it recovers. Prints the HMAC rate, the time to search the ids with
the key, and the cost without it: a search over the 256-bit key.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import math
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pydantic import SecretStr

from assistant.hashing import UserHasher
from assistant.keys import LEGACY_SALT_STATE, PrivacyKey, open_privacy_key
from assistant.settings import PrivacySettings
from assistant.storage import MessageRecord, Store

SECONDS_PER_YEAR = 365.25 * 86_400


async def _write_rows(db: Path, key: PrivacyKey, user_ids: list[int], legacy: str | None) -> None:
    store = Store(db)
    await store.open()
    if legacy is not None:
        await store.set_state(LEGACY_SALT_STATE, legacy)
    hasher = UserHasher(key)
    for user_id in user_ids:
        store.record_later(MessageRecord("telegram", hasher("telegram", str(user_id)), "rule"))
    await store.close()


async def build_layouts(root: Path, user_ids: list[int]) -> tuple[Path, Path]:
    """(baseline database, current database), each a copy as a thief would take it."""
    # Baseline: the previous version's layout, a generated salt kept in the state table.
    old_salt = PrivacyKey.generate("database").user_hash_key.decode()
    old_db = root / "old" / "healthbot.db"
    await _write_rows(old_db, PrivacyKey(old_salt, "database"), user_ids, legacy=old_salt)
    # Now: the key from the key file; the state table keeps only a check value.
    new_db = root / "new" / "healthbot.db"
    store = Store(new_db)
    await store.open()
    settings = PrivacySettings(key_file=root / "keys" / "privacy.key", hash_salt=SecretStr(""))
    key = await open_privacy_key(settings, store)
    await store.close()
    await _write_rows(new_db, key, user_ids, legacy=None)
    copies = []
    for db in (old_db, new_db):
        stolen = root / f"stolen-{db.parent.name}.db"
        shutil.copyfile(db, stolen)
        copies.append(stolen)
    return copies[0], copies[1]


def attack(stolen: Path, ids: int) -> tuple[int, int, float, float]:
    """(users recovered, HMACs computed, wall seconds, CPU seconds) for every state value as
    the key. The CPU time is what one free core would take (this machine is shared)."""
    with sqlite3.connect(stolen) as db:
        hashes = {row[0] for row in db.execute("SELECT DISTINCT user_hash FROM messages")}
        candidates = [str(row[0]).encode() for row in db.execute("SELECT value FROM state")]
    candidates.append(b"")
    found: set[int] = set()
    started, cpu_started = time.perf_counter(), time.process_time()
    for key in candidates:
        for user_id in range(ids):
            digest = hmac.new(key, f"telegram:{user_id}".encode(), hashlib.sha256)
            if digest.hexdigest()[:32] in hashes:
                found.add(user_id)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return len(found), len(candidates) * ids, wall, cpu


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--ids", type=int, default=100_000)
    args = parser.parse_args()
    user_ids = random.Random(15).sample(range(args.ids), args.users)
    with tempfile.TemporaryDirectory() as tmp:
        old, new = await build_layouts(Path(tmp), user_ids)
        results = {
            "salt in the database (before)": attack(old, args.ids),
            "key kept apart (now)": attack(new, args.ids),
        }
    print(f"{args.users} users among Telegram ids 0..{args.ids - 1}; copy of the database only")
    rates = []
    for name, (found, hmacs, wall, cpu) in results.items():
        rate = hmacs / cpu
        rates.append(rate)
        print(
            f"  {name:32} recovered {found:3}/{args.users}  {hmacs:,} HMACs in {wall:.2f} s "
            f"({cpu:.2f} s CPU) = {rate:,.0f} HMAC/s per core"
        )
    rate = max(rates)
    print(f"With the key: all {args.ids:,} ids in {args.ids / rate:.2f} s of one core.")
    years = 2**255 / rate / SECONDS_PER_YEAR  # on average half the key space
    print(
        f"Without it: a search over a 256-bit key, 2^255 HMACs on average = "
        f"10^{math.log10(years):.0f} years at {rate:,.0f} HMAC/s (10^{math.log10(years / 1e9):.0f}"
        " years on a billion such cores)."
    )
    recovered_now = results["key kept apart (now)"][0]
    print(f"recovered before/now: {results['salt in the database (before)'][0]}/{recovered_now}")
    return 1 if recovered_now else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
