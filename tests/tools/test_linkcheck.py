"""tools/linkcheck.py, fed a fake fetcher: no network."""

import importlib.util
import io

from notorious.paths import ROOT

spec = importlib.util.spec_from_file_location("linkcheck", ROOT / "tools" / "linkcheck.py")
linkcheck = importlib.util.module_from_spec(spec)
spec.loader.exec_module(linkcheck)


def test_linkcheck_reports_broken_addresses_and_never_fails(tmp_path, monkeypatch):
    sources = tmp_path / "sources.csv"
    sources.write_text(
        "source_id,url,copy_url\n"
        "ok,https://example.org/a,\n"
        "gone,https://example.org/404,https://archive.example/ok\n"
        "down,https://unreachable.example/,\n"
        "local,data/seed/x.html,\n",
        encoding="utf-8",
    )

    def fake(url):
        if "unreachable" in url:
            raise OSError("name not resolved")
        return 404 if url.endswith("404") else 200

    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    out = io.StringIO()
    assert linkcheck.main(sources, fake, out) == 0
    text = out.getvalue()
    assert "2 of 4 addresses in data/sources.csv are broken" in text
    assert "| 3 | `gone` | url | https://example.org/404 | HTTP 404 |" in text
    assert "| 4 | `down` | url | https://unreachable.example/ | OSError: name not resolved |" in text
    assert "archive.example" not in text and "data/seed" not in text
    assert summary.read_text(encoding="utf-8") == text


def test_linkcheck_reads_every_address_of_the_real_sources():
    found = linkcheck.addresses()
    assert found and all(a.startswith(("http://", "https://")) for *_, a in found)
    assert linkcheck.summary(len(found), []).startswith(f"# Source links\n\nAll {len(found)} addresses")
