"""A learner's submission runs in a box: bubblewrap (Debian's ``bubblewrap``), one per submission.

What the box guarantees, for the pytest process that grades one submission and everything it
starts (its uvicorn servers, Redis, workers):

- no network: a network namespace of its own, with only its own loopback (the tests' servers
  listen there); this machine's 127.0.0.1 and every outside address are out of reach;
- the whole file system read-only (the repository, our tests, the Python environment), except
  its own scratch folder and a ``/tmp`` of its own;
- no view of the class folder (other submissions), of the reports folder, or of the other
  submissions' scratch folders: empty folders are mounted over them;
- a user of its own (``slot_uid``: one per slot and batch process, no rights on our files)
  with a process limit (``NPROC``; tasks, threads included) and an address-space limit
  (``MEMORY``) per process, so that a fork loop or a 10 GB allocation costs that submission
  only;
- its own process namespace: when the grading ends (or its time limit kills it), every process
  it started ends too.

What it does not guarantee: CPU time is shared (the batch's limit per submission bounds it),
the kernel is shared (bubblewrap is not a virtual machine), and a submission can read what is
world-readable outside the hidden folders (the course itself, the Python installation).
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from .chapters import REPO_ROOT

BASE_UID = 61000  # the first uid of the boxes' users
SLOTS_PER_BATCH = 256  # uids a batch process may use, one per slot


def slot_uid(slot: int) -> int:
    """The uid of ``slot`` in this batch process: two batches at once never share a user, so a
    fork loop in one cannot use up the process limit of a submission in the other."""
    return BASE_UID + (os.getpid() % 4096) * SLOTS_PER_BATCH + slot % SLOTS_PER_BATCH


NPROC = 512  # tasks (processes and threads) of one submission: ch10 runs ~150 at its busiest
MEMORY = 4 * 2**30  # bytes of address space per process
INSTALL = "apt-get install bubblewrap (Debian, Ubuntu) or dnf install bubblewrap (Fedora)"


def bwrap() -> str | None:
    return shutil.which("bwrap")


def missing_line() -> str:
    return (
        f"bubblewrap (bwrap) is not installed: {INSTALL}; "
        "or grade without a sandbox with --no-sandbox (each submission then runs with your rights)"
    )


def command(
    inner: Sequence[str],
    *,
    scratch: Path,
    hidden: Sequence[Path],
    slot: int,
    nproc: int = NPROC,
    memory: int = MEMORY,
) -> list[str]:
    """``inner`` inside the box: ``scratch`` writable, every folder of ``hidden`` empty."""
    exe = bwrap()
    if exe is None:  # pragma: no cover - the batch checks first
        raise RuntimeError(missing_line())
    # A /tmp of its own (an empty tmpfs inside the box), not this machine's.
    box = [exe, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"]
    box += ["--tmpfs", "/tmp"]  # noqa: S108
    # A checkout or a Python environment under /tmp stays visible (read-only) inside the box.
    for needed in sorted({REPO_ROOT, Path(sys.prefix), Path(sys.base_prefix)}):
        if needed.resolve().is_relative_to("/tmp"):  # noqa: S108
            box += ["--ro-bind", str(needed.resolve()), str(needed.resolve())]
    for folder in hidden:  # later mounts go over earlier ones: hide first, then open scratch
        box += ["--tmpfs", str(folder)]
    box += ["--bind", str(scratch), str(scratch), "--chdir", str(scratch)]
    box += ["--unshare-net", "--unshare-pid", "--unshare-ipc", "--die-with-parent"]
    box += ["--setenv", "HOME", str(scratch), "--setenv", "TMPDIR", "/tmp"]  # noqa: S108
    if os.geteuid() == 0:
        # Root ignores RLIMIT_NPROC: drop to the slot's own user first, then set the limits.
        uid = str(slot_uid(slot))
        drop = ["setpriv", "--reuid", uid, "--regid", uid, "--clear-groups", "--"]
    else:
        # Not root: the box runs as this user, whose other processes count against the limit.
        drop, nproc = [], nproc + own_tasks()
    limits = ["prlimit", f"--nproc={nproc}", f"--as={memory}", "--"]
    return [*box, "--", *drop, *limits, *inner]


def own_tasks() -> int:
    """Tasks (threads included) this user runs now: what RLIMIT_NPROC already counts."""
    uid, count = os.getuid(), 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            lines = status.read_text().splitlines()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in lines if ":" in line)
        if int(fields.get("Uid", "-1").split()[0]) == uid:
            count += int(fields.get("Threads", "1"))
    return count


def able() -> bool:
    """bwrap, setpriv and prlimit are installed."""
    return all(shutil.which(tool) for tool in ("bwrap", "setpriv", "prlimit"))


def prepare(scratch: Path, slot: int) -> None:
    """The scratch folder belongs to the slot's user: the only place it may write."""
    if os.geteuid() != 0:
        return  # the box runs as this user, who owns the scratch already
    uid = slot_uid(slot)
    for path in [scratch, *scratch.rglob("*")]:
        os.chown(path, uid, uid, follow_symlinks=False)
