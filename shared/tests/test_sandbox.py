"""Class grading in a sandbox: hostile submissions get their own rows and change nothing else.

Each hostile ``ch01.py`` is FastAPI's first steps (``samples/ch01_first_steps.py``, 14 of 25
points) preceded by an attempt to break out; a break-out that works sets ``app = None``, so a
submission earns its 14 points only if the box held. The honest submissions beside them earn
their 14 points whatever the others do. The only server contacted is one this test listens
with on 127.0.0.1.
"""

from __future__ import annotations

import csv
import hashlib
import os
import socket
import textwrap
from pathlib import Path

import pytest

from shared.grading import batch, sandbox

ROOT = Path(__file__).resolve().parents[2]
FIRST_STEPS = (Path(__file__).parent / "samples/ch01_first_steps.py").read_text(encoding="utf-8")
OUR_TEST = ROOT / "chapters/ch01_getting_started/tests/test_main.py"
FIRST_STEPS_POINTS = "14"


def require_sandbox() -> None:
    """bubblewrap is a Debian package (.ci/run installs it): under CI=true its absence fails."""
    if not sandbox.able():
        if os.environ.get("CI") == "true":
            pytest.fail(sandbox.missing_line())
        pytest.skip(sandbox.missing_line())


def hostile(attempt: str) -> str:
    """``attempt`` runs at import; it sets ``broke_out = True`` when it got through."""
    tail = "if broke_out:\n    app = None\n"
    return f"broke_out = False\n{textwrap.dedent(attempt)}\n{FIRST_STEPS}\n{tail}"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rows_of(out: Path) -> dict[str, dict[str, str]]:
    with open(out / "grades.csv", encoding="utf-8", newline="") as fh:
        return {row["learner"]: row for row in csv.DictReader(fh)}


@pytest.mark.timeout(400)
def test_hostile_submissions_change_nothing_but_their_own_rows(tmp_path: Path) -> None:
    require_sandbox()
    klass, out = tmp_path / "class", tmp_path / "out"
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0)
    port = listener.getsockname()[1]
    out.mkdir()
    (out / "grades.csv").write_text("learner\nearlier run\n", encoding="utf-8")
    files = {
        "honest1": FIRST_STEPS,
        "honest2": FIRST_STEPS,
        "reader": hostile(
            f"""
            try:
                open({str(klass / "honest1" / "ch01.py")!r}).read()
                broke_out = True
            except OSError:
                pass
            import os
            broke_out = broke_out or bool(os.listdir({str(klass)!r}))
            """
        ),
        "writer": hostile(
            f"""
            for target in ({str(OUR_TEST)!r}, {str(out / "grades.csv")!r},
                           {str(klass / "honest2" / "ch01.py")!r}):
                try:
                    with open(target, "a") as fh:
                        fh.write("# changed by a submission\\n")
                    broke_out = True
                except OSError:
                    pass
            """
        ),
        "network": hostile(
            f"""
            import socket
            try:
                socket.create_connection(("127.0.0.1", {port}), timeout=2).close()
                broke_out = True
            except OSError:
                pass
            """
        ),
        "forker": hostile(
            """
            import os, time
            children = 0
            for _ in range(2000):  # bounded: the box stops it far earlier
                try:
                    pid = os.fork()
                except OSError:
                    break
                if pid == 0:
                    time.sleep(20)
                    os._exit(0)
                children += 1
            broke_out = children >= 2000
            """
        ),
        "hog": hostile(
            """
            try:
                hog = bytearray(10 * 2**30)
                broke_out = True
                del hog
            except MemoryError:
                pass
            """
        ),
    }
    for learner, text in files.items():
        (klass / learner).mkdir(parents=True)
        (klass / learner / "ch01.py").write_text(text, encoding="utf-8")
    before = digest(OUR_TEST)
    honest_before = digest(klass / "honest2" / "ch01.py")

    assert batch.main([str(klass), "--out", str(out), "--jobs", "2", "--timeout", "240"]) == 0

    rows = rows_of(out)
    assert sorted(rows) == sorted(files)  # the earlier grades.csv was replaced, not appended to
    for learner in ("honest1", "honest2", "reader", "writer", "network", "hog"):
        assert rows[learner]["earned"] == FIRST_STEPS_POINTS, (learner, rows[learner])
    assert rows["forker"]["possible"] == "25"  # its own row, whatever its fork loop cost it
    assert digest(OUR_TEST) == before
    assert digest(klass / "honest2" / "ch01.py") == honest_before
    with pytest.raises(BlockingIOError):
        listener.accept()  # nobody connected
    listener.close()


def test_without_bubblewrap_the_batch_refuses_and_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "kim").mkdir()
    (tmp_path / "kim" / "ch01.py").write_text(FIRST_STEPS, encoding="utf-8")
    monkeypatch.setattr(sandbox, "able", lambda: False)
    assert batch.main([str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "apt-get install bubblewrap" in err
    assert "--no-sandbox" in err
    assert not (tmp_path / "out").exists()
