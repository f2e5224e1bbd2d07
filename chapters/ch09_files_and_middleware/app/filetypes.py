"""The file types the app accepts: the extension each is stored with, and how to recognise it.

A client's ``Content-Type`` is only a claim; the first bytes of the file must agree with it
(a "PNG" that does not start with PNG's signature is refused).
"""

import codecs

# Stored names get their extension from this table, never from the client's file name.
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
    """Checks a file's bytes against its declared type, chunk by chunk, as they are copied.

    The first chunk must start with the type's signature (chunks are far longer than any
    signature); a text file must be UTF-8 from its first byte to its last.
    """

    def __init__(self, media_type: str) -> None:
        self.media_type = media_type
        self.first = True
        self.text_decoder = codecs.getincrementaldecoder("utf-8")()

    def feed(self, chunk: bytes, final: bool = False) -> bool:
        """False as soon as the bytes cannot be of the declared type."""
        first, self.first = self.first, False
        if self.media_type == "text/plain":
            try:
                self.text_decoder.decode(chunk, final=final)
            except UnicodeDecodeError:
                return False
            return True
        return chunk.startswith(SIGNATURES[self.media_type]) if first else True
