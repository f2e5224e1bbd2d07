"""앱이 받는 파일 형식: 저장할 때 붙이는 확장자와, 내용으로 형식을 알아보는 방법.

클라이언트의 ``Content-Type``은 주장일 뿐이라 파일의 첫 바이트가 그와 맞아야 합니다.
"""

import codecs

# 저장 이름의 확장자는 클라이언트의 파일 이름이 아니라 이 표에서 옵니다.
EXTENSIONS = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "application/pdf": ".pdf",
    "text/plain": ".txt",
}
MEDIA_TYPES = {extension: media_type for media_type, extension in EXTENSIONS.items()}

SIGNATURES = {
    "image/png": b"\x89PNG\r\n\x1a\n",
    "image/jpeg": b"\xff\xd8\xff",
    "application/pdf": b"%PDF-",
}


def base_type(content_type: str | None) -> str:
    """``"text/plain; charset=utf-8"`` -> ``"text/plain"``."""
    return (content_type or "").split(";", 1)[0].strip().lower()


class ContentCheck:
    """복사하는 조각마다 파일의 바이트가 선언한 형식과 맞는지 확인합니다.

    첫 조각은 형식의 시그니처로 시작해야 하고, 텍스트는 끝까지 UTF-8이어야 합니다.
    """

    def __init__(self, media_type: str) -> None:
        self.media_type = media_type
        self.first = True
        self.text_decoder = codecs.getincrementaldecoder("utf-8")()

    def feed(self, chunk: bytes, final: bool = False) -> bool:
        """바이트가 선언한 형식일 수 없게 되는 즉시 False입니다."""
        first, self.first = self.first, False
        if self.media_type == "text/plain":
            try:
                self.text_decoder.decode(chunk, final=final)
            except UnicodeDecodeError:
                return False
            return True
        return chunk.startswith(SIGNATURES[self.media_type]) if first else True
