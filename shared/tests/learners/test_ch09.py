"""A learner's chapter 9 (``ch09_uploads``): forms, uploads with a size check, the request-id
middleware, CORS and routers; settings as module constants, and no download route.

Without ``get_settings``/``Settings`` the tests that look into their own upload folder (or
need the small file limit) and the settings tests fail, each naming the hook; every test
that needs only ``app`` passes, except where the learner's code lacks the behaviour.
"""

from pathlib import Path

import pytest


def cases(test: str, *ids: str) -> set[str]:
    return {f"{test}[{case}]" for case in ids}


UPLOADS = "test_uploads.py::"
DOCS = "test_documented_answers.py::"

# These tests look into this test's upload folder (or need the 4 KiB file limit): they need
# `get_settings` to point the routes there (the message names `get_settings`).
NEEDS_GET_SETTINGS = {
    f"{UPLOADS}test_one_file_is_stored_under_a_generated_name",
    f"{UPLOADS}test_the_same_file_twice_gets_two_names",
    f"{UPLOADS}test_many_files_in_one_request",
    f"{UPLOADS}test_a_file_over_the_size_limit_is_413_and_not_stored",
    f"{UPLOADS}test_an_empty_file_is_422",
    f"{UPLOADS}test_many_files_are_all_or_nothing",
    *cases(f"{UPLOADS}test_a_type_not_allowed_is_415_and_not_stored", "html", "exe", "svg"),
    *cases(
        f"{UPLOADS}test_content_that_does_not_match_its_type_is_415",
        "text-called-png",
        "png-called-pdf",
        "binary-called-text",
        "truncated-utf8",
    ),
    *cases(
        f"{UPLOADS}test_a_malformed_upload_is_422_and_not_stored",
        "no-file",
        "json-body",
        "description-too-long",
        "wrong-field-name",
    ),
    *cases(
        f"{UPLOADS}test_a_file_name_cannot_escape_the_upload_folder",
        "../../etc/passwd",
        "/abs/name",
        "..\\\\..\\\\evil.txt",
        "C:\\\\Windows\\\\win.ini",
        "..",
        "....//x",
    ),
    *cases(
        "test_downloads.py::test_an_id_cannot_reach_other_files",
        "secret.txt",
        "..%2Fsecret.txt",
        "..%2F..%2Fetc%2Fpasswd",
        "%2Fetc%2Fpasswd",
        "..%5Csecret.txt",
        "%2E%2E%2Fsecret.txt",
        "..",
        "id-then-traversal",
    ),
    "test_body_limit.py::test_a_client_that_disconnects_mid_upload_leaves_nothing",
    "test_body_limit.py::test_a_chunked_body_over_the_limit_is_413_and_not_stored",
    *cases(f"{DOCS}test_a_refused_type_is_a_documented_415", "/upload-file", "/uploads-files"),
    f"{DOCS}test_a_file_past_the_limit_is_a_documented_413",
    *cases(
        f"{DOCS}test_a_broken_multipart_body_is_a_documented_400",
        "/upload",
        "/uploads",
        "/forms/contact",
        "/forms/profile",
    ),
    *cases(
        f"{DOCS}test_an_empty_file_is_a_422_in_the_documented_shape",
        "/upload-file",
        "/uploads-files",
    ),
    "test_settings.py::test_get_settings_is_cached",
    "test_downloads.py::test_a_stored_file_of_an_unknown_extension_is_sent_as_octet_stream",
}
# The settings class itself is graded: these name `Settings`.
NEEDS_SETTINGS = {
    "test_settings.py::test_settings_are_read_from_the_environment",
    *cases(
        "test_settings.py::test_nonsense_settings_are_refused",
        "zero-upload-limit",
        "negative-request-limit",
        "unknown-type",
    ),
}
EXPECTED_LOST = (
    NEEDS_GET_SETTINGS
    | NEEDS_SETTINGS
    | {
        # No `GET /files/{file_id}`: nothing to download.
        *cases(
            "test_downloads.py::test_a_stored_file_downloads_byte_for_byte", "png", "pdf", "text"
        ),
        "test_downloads.py::test_a_name_that_is_not_an_id_is_422",  # 404: no such route
        f"{DOCS}test_an_unknown_file_is_a_documented_404",
        f"{DOCS}test_a_download_is_documented_with_its_media_type",
        "test_server.py::test_upload_and_download_through_a_real_server",
        "test_routers.py::test_each_router_brings_its_routes_and_tag",  # no download route
        # FastAPI's default 422 echoes the whole rejected value back.
        "test_forms.py::test_a_rejected_value_is_not_echoed_back_whole",
        # The form routes do not list the body limit's 413 in `responses`.
        *cases(
            f"{DOCS}test_a_form_past_the_request_limit_is_a_documented_413",
            "/forms/contact",
            "/forms/profile",
        ),
    }
)


def test_learner_loses_only_what_it_lacks(
    grade, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The learner stores into UPLOAD_DIR (default "uploads" in the working folder).
    monkeypatch.setenv("UPLOAD_DIR", str(tmp_path / "learner-uploads"))
    result = grade("ch09", "shared.tests.learners.ch09_uploads")
    assert result.errors == set()
    assert result.failed == EXPECTED_LOST
    for name in NEEDS_GET_SETTINGS:
        assert "`get_settings`" in result.messages[name], result.messages[name]
    for name in NEEDS_SETTINGS:
        assert "`Settings`" in result.messages[name], result.messages[name]
    assert result.earned == result.possible - sum(result.lost.values())
    assert result.earned > 0
