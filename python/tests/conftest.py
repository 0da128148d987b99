"""Shared fixtures: the repository's fixtures folder and the command's own output over it.

The command is the reference: every test compares the package with what `begroting` writes.
Its binary is BEGROTING_BIN, else target/debug/begroting or target/release/begroting (the newer),
built by `cargo build` or `cargo test` before the Python tests run (.ci/run does).
"""
import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = REPO / "fixtures"


def begroting_binary() -> pathlib.Path:
    named = os.environ.get("BEGROTING_BIN")
    if named:
        return pathlib.Path(named)
    built = [REPO / "target" / profile / "begroting" for profile in ("debug", "release")]
    built = [path for path in built if path.exists()]
    if not built:
        pytest.fail("no begroting binary: run `cargo build` first or set BEGROTING_BIN")
    return max(built, key=lambda path: path.stat().st_mtime)


def run_cli(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(begroting_binary()), *arguments], capture_output=True, text=True, cwd=REPO)


@pytest.fixture(scope="session")
def cli_output(tmp_path_factory) -> pathlib.Path:
    """`begroting extract fixtures/ -o OUT`, run from the repository root."""
    out = tmp_path_factory.mktemp("cli")
    done = run_cli("extract", "fixtures/", "-o", str(out), "--quiet")
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture
def in_repo(monkeypatch):
    """Runs the test from the repository root, so relative paths are the command's."""
    monkeypatch.chdir(REPO)
    return REPO
