"""Chapter 9's mistakes catalogue: a learner's classic mistake in uploads, downloads, middleware
and CORS, planted in the README-only solution, costs exactly the tests about it.

Chapter 9 has no list endpoint: there is no "off by one page" mistake to plant.
"""

from pathlib import Path

import pytest

from shared.tests.mistakes import check, mistake

UPLOADS = "test_uploads.py::"
DOWNLOADS = "test_downloads.py::"
DOCS = "test_documented_answers.py::"
MIDDLEWARE = "test_middleware.py::"
CORS = "test_cors.py::"


def cases(test: str, *ids: str) -> list[str]:
    return [f"{test}[{case}]" for case in ids]


MISTAKES = [
    mistake(
        "upload answers 200 instead of 201",
        "업로드가 201 대신 200으로 답함",
        '    "/upload",\n    status_code=201,',
        '    "/upload",\n    status_code=200,',
        f"{UPLOADS}test_one_file_is_stored_under_a_generated_name",
    ),
    mistake(
        "extension taken from the client's file name",
        "저장 이름의 확장자를 확인된 형식이 아니라 클라이언트의 파일 이름에서 가져옴",
        "name = uuid.uuid4().hex + EXTENSION_FOR[kind]",
        "name = uuid.uuid4().hex + Path(upload.filename or '').suffix",
        *cases(
            f"{UPLOADS}test_the_extension_comes_from_the_checked_type_not_the_name",
            "png-named-exe",
            "jpeg-without-extension",
            "pdf-named-sh",
            "text-charset",
        ),
        *cases(
            f"{UPLOADS}test_a_file_name_cannot_escape_the_upload_folder",
            "../../etc/passwd",
            "/abs/name",
            "C:\\\\Windows\\\\win.ini",
            "..",
            "....//x",
        ),
    ),
    mistake(
        "a file of exactly the limit is refused",
        "파일 한도를 `>=`로 비교해 딱 한도인 파일도 413",
        "if size > settings.max_upload_bytes:",
        "if size >= settings.max_upload_bytes:",
        f"{UPLOADS}test_a_file_over_the_size_limit_is_413_and_not_stored",
    ),
    mistake(
        "a refused upload leaves its partial file",
        "거절된 업로드의 반쯤 쓴 파일을 지우지 않음",
        "    except BaseException:\n        partial.unlink(missing_ok=True)\n        raise",
        "    except BaseException:\n        raise",
        f"{UPLOADS}test_a_file_over_the_size_limit_is_413_and_not_stored",
        *cases(
            f"{UPLOADS}test_content_that_does_not_match_its_type_is_415",
            "text-called-png",
            "png-called-pdf",
            "binary-called-text",
            "truncated-utf8",
        ),
        f"{UPLOADS}test_an_empty_file_is_422",
        f"{UPLOADS}test_many_files_are_all_or_nothing",
        f"{DOCS}test_a_file_past_the_limit_is_a_documented_413",
        *cases(
            f"{DOCS}test_an_empty_file_is_a_422_in_the_documented_shape",
            "/upload-file",
            "/uploads-files",
        ),
    ),
    mistake(
        "many files keep the ones before a refused one",
        "여러 파일 중 하나가 거절되어도 앞에서 저장한 파일을 지우지 않음",
        "        for _, path in done:\n            path.unlink(missing_ok=True)",
        "        for _, path in done:\n            pass",
        f"{UPLOADS}test_many_files_are_all_or_nothing",
        f"{DOCS}test_an_empty_file_is_a_422_in_the_documented_shape[/uploads-files]",
    ),
    mistake(
        "the declared type is trusted without its signature",
        "선언된 `Content-Type`만 믿고 파일 첫 바이트의 시그니처를 확인하지 않음",
        "if size == 0 and kind in MAGIC and not chunk.startswith(MAGIC[kind]):",
        "if size == 0 and kind in MAGIC and not chunk:",
        *cases(
            f"{UPLOADS}test_content_that_does_not_match_its_type_is_415",
            "text-called-png",
            "png-called-pdf",
        ),
    ),
    mistake(
        "an empty file is stored",
        "빈 파일을 거절하지 않고 저장함",
        "        if size == 0:\n            raise empty_file_error(loc)\n",
        "",
        f"{UPLOADS}test_an_empty_file_is_422",
        *cases(
            f"{DOCS}test_an_empty_file_is_a_422_in_the_documented_shape",
            "/upload-file",
            "/uploads-files",
        ),
    ),
    mistake(
        "any request id from the client is trusted",
        "클라이언트가 보낸 `X-Request-ID`를 확인하지 않고 그대로 씀",
        "request_id = sent if REQUEST_ID_RE.fullmatch(sent) else uuid.uuid4().hex",
        "request_id = sent or uuid.uuid4().hex",
        *cases(
            f"{MIDDLEWARE}test_an_invalid_request_id_is_replaced",
            "space",
            "too-long",
            "separators",
            "markup",
        ),
    ),
    mistake(
        "the body limit wraps the request id",
        "미들웨어를 거꾸로 추가해 본문 한도가 요청 ID 바깥에서 413을 답함(헤더 없음)",
        "app.add_middleware(BodySizeLimit)\napp.add_middleware(RequestIdAndTiming)",
        "app.add_middleware(RequestIdAndTiming)\napp.add_middleware(BodySizeLimit)",
        f"{MIDDLEWARE}test_a_body_refused_before_any_route_still_carries_both_headers",
    ),
    mistake(
        "the body limit trusts Content-Length alone",
        "본문 한도가 `Content-Length`만 보고, 길이를 알리지 않은(chunked) 본문은 세지 않음",
        "await self.app(scope, counting_receive, send)",
        "await self.app(scope, receive, send)",
        "test_body_limit.py::test_a_chunked_body_over_the_limit_is_413_and_not_stored",
    ),
    mistake(
        "CORS allows every origin",
        'CORS의 `allow_origins`를 설정의 목록 대신 `["*"]`로 둠',
        "allow_origins=get_settings().cors_origins,",
        'allow_origins=["*"],',
        f"{CORS}test_preflight_from_an_allowed_origin_passes",
        f"{CORS}test_preflight_from_another_origin_gets_no_allow_origin",
        f"{CORS}test_a_simple_request_exposes_the_middleware_headers_to_allowed_origins",
        "test_server.py::test_cors_origins_come_from_the_environment",
    ),
    mistake(
        "the download id is not validated",
        "다운로드의 `file_id`를 id 모양으로 검증하지 않고 폴더에 그대로 붙임",
        "file_id: Annotated[str, PathParam(pattern=FILE_ID_RE)], settings: SettingsDep",
        "file_id: str, settings: SettingsDep",
        f"{DOWNLOADS}test_a_name_that_is_not_an_id_is_422",
        f"{DOWNLOADS}test_an_id_cannot_reach_other_files[secret.txt]",
    ),
]


@pytest.mark.parametrize("wrong", MISTAKES, ids=lambda wrong: wrong.name)
def test_a_mistake_costs_only_its_own_tests(grade, wrong, tmp_path: Path) -> None:
    check(grade, "ch09", wrong, tmp_path)
