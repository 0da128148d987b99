"""Type stubs of the Rust bridge (python/src/lib.rs). Use the functions of `begroting` instead."""
from typing import Any, Optional, Sequence

class NativeError(Exception): ...

class CellStream:
    """The cells of a run, taken once by the Arrow PyCapsule interface."""

    @property
    def rows(self) -> int: ...
    def __arrow_c_stream__(self, requested_schema: Optional[Any] = None) -> Any: ...

def extract_files(
    paths: Sequence[str],
    overrides: Optional[str] = None,
    manifest: Optional[str] = None,
    jobs: Optional[int] = None,
    progress: bool = False,
    keep_tables: bool = False,
    max_document_mb: Optional[int] = None,
    views: bool = False,
) -> tuple[CellStream, str, str, Optional[str]]: ...
class CellBatches:
    """The cells of a run extracted as they are read, taken once by the Arrow PyCapsule interface."""

    def __arrow_c_stream__(self, requested_schema: Optional[Any] = None) -> Any: ...
    def report(self) -> tuple[str, str, bool]: ...

def extract_windows(
    paths: Sequence[str],
    overrides: Optional[str] = None,
    manifest: Optional[str] = None,
    jobs: Optional[int] = None,
    max_document_mb: Optional[int] = None,
) -> CellBatches: ...
def extract_held(
    documents: Sequence[tuple[str, Optional[str], bytes, Optional[str], bool]],
    overrides: Optional[str] = None,
    jobs: Optional[int] = None,
    keep_tables: bool = False,
    max_document_mb: Optional[int] = None,
    views: bool = False,
) -> tuple[CellStream, str, str, Optional[str]]: ...
def check_inputs(
    inputs: Sequence[str],
    expect: Sequence[str] = ...,
    overrides: Optional[str] = None,
    fail_on: str = "error",
) -> tuple[str, str, bool, int]: ...
def version() -> str: ...
