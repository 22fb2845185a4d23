"""Real browser: a binary upload on the Your article page gets its message, a real article then gives proposals
that can be accepted — the page keeps working, and nothing of the upload is rendered as HTML."""

import pytest

from tests.test_byo import TEST_ARTICLE

pytestmark = pytest.mark.browser


def test_bad_then_good_upload_in_chromium(app_server, page, artifacts):
    page.set_viewport_size({"width": 1400, "height": 2200})
    page.goto(app_server + "/byo")
    page.get_by_text("Upload a file or paste text to begin.").wait_for(timeout=60_000)
    uploader = page.locator("[data-testid='stFileUploaderDropzoneInput']").first
    uploader.set_input_files(files=[{"name": "picture.txt", "mimeType": "text/plain", "buffer": b"\x89PNG\r\n\x1a\n\x00\x00"}])
    page.get_by_text("picture.txt looks like a PNG image").wait_for(timeout=60_000)
    evil = TEST_ARTICLE.replace("Published:", "<img src=x onerror=\"document.title='pwned'\">Published:")
    uploader.set_input_files(files=[{"name": "test_article.html", "mimeType": "text/html", "buffer": evil.encode()}])
    page.get_by_text("Inferred from the dateline").wait_for(timeout=60_000)
    page.locator("[data-testid='stDataFrame']").nth(1).wait_for(timeout=60_000)  # events and claims
    page.get_by_role("button", name="Accept the ticked rows").click()
    page.get_by_text("Added 5 events and 5 claims").wait_for(timeout=60_000)
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.title() != "pwned" and page.locator("img[src='x']").count() == 0
    page.screenshot(path=str(artifacts / "byo.png"), full_page=True)
