"""테스트가 함께 쓰는 예시 파일과 작은 도우미."""

from pathlib import Path

MAX_UPLOAD = 4096  # the per-file limit the fast tests run with

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
PDF = b"%PDF-1.7\n" + b"1 0 obj\n<<>>\nendobj\n" * 4
TEXT = "안녕하세요, 파일 업로드!\n".encode()

ID_PATTERN = r"[0-9a-f]{32}\.(png|jpg|pdf|txt)"
REQUEST_ID_PATTERN = r"[A-Za-z0-9._-]{1,64}"
NEW_REQUEST_ID = r"[0-9a-f]{32}"  # the README: a new id is a uuid4 hex


def files_under(folder: Path) -> list[Path]:
    """``folder`` 아래의 모든 파일, 숨은 파일(``.part``)까지. 폴더가 없으면 []."""
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []
