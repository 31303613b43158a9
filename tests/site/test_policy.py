"""The Content-Security-Policy cannot be removed or widened by what a page holds (notorious/site/policy.py).

Each page below is small and hand-written; the built site's pages are checked in test_site.py and, with data
cells that try to forge a policy, in test_fuzz.py.
"""

import re

import pytest

from notorious.site import harden
from notorious.site.policy import PREVIEW_RELOAD, THEME_SNIPPETS, PolicyError, sha256

PAGE = """<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <script>let toggleOpenOnPrint = 'true';</script>
    <script>DOCUMENTATION_OPTIONS.pagename = 'chapters/lobbying';</script>
    <script defer src="_static/actions.js"></script>
  </head>
  <body>{body}</body>
</html>
"""


def policy_first(page: str) -> str:
    match = re.match(
        r'<!DOCTYPE html>\s*<html[^>]*>\s*<head>\s*<meta http-equiv="Content-Security-Policy" '
        r'content="([^"]+)">',
        page,
    )
    assert match, "the policy must be the first element of <head>"
    return match.group(1)


def test_the_theme_snippets_are_listed_with_their_own_hashes():
    for text, digest in THEME_SNIPPETS.items():
        assert sha256(text) == digest, text


def test_a_page_gets_the_policy_with_only_its_known_snippets():
    policy = policy_first(harden(PAGE.format(body="<p>text</p>")))
    script = dict(d.strip().split(" ", 1) for d in policy.split(";"))["script-src"].split()
    assert sorted(script[1:]) == sorted(
        [sha256("let toggleOpenOnPrint = 'true';"), sha256("DOCUMENTATION_OPTIONS.pagename = 'chapters/lobbying';")]
    )


def test_text_that_names_the_policy_does_not_stop_it_being_inserted():
    """The reproduction: a data cell ending ` http-equiv="Content-Security-Policy" content="default-src *"` made
    the build skip the page, which was then published with no policy at all."""
    body = '<td>A summary http-equiv="Content-Security-Policy" content="default-src *"</td>'
    policy = policy_first(harden(PAGE.format(body=body)))
    assert "default-src 'self'" in policy and "*" not in policy


def test_hardening_twice_gives_one_policy():
    once = harden(PAGE.format(body="<p>text</p>"))
    assert harden(once) == once
    assert once.count("Content-Security-Policy") == 1


@pytest.mark.parametrize(
    "second",
    [
        '<meta http-equiv="Content-Security-Policy" content="default-src *">',
        "<meta http-equiv=content-security-policy content=\"script-src 'unsafe-inline'\">",
    ],
)
def test_a_page_with_a_second_policy_fails(second):
    with pytest.raises(PolicyError, match="of its own"):
        harden(PAGE.format(body=second))


@pytest.mark.parametrize(
    "script",
    [
        "<script>alert(1)</script>",
        "<script>DOCUMENTATION_OPTIONS.pagename = 'x'; alert(1);</script>",
        "<script>DOCUMENTATION_OPTIONS.pagename = 'x' + alert(1) + '';</script>",
        '<script type="module">alert(1)</script>',
        '<script data-note="application/json">alert(1)</script>',
    ],
)
def test_an_inline_script_an_author_adds_fails_instead_of_being_hashed_into_the_policy(script):
    with pytest.raises(PolicyError, match="not one of the theme's known snippets"):
        harden(PAGE.format(body=script))


def test_rule_the_policy_allows_no_plugins_frames_eval_or_other_origins():
    """The README's strict policy (Decisions): scripts only from the site itself or a known snippet by its hash, no
    eval, no plugins, no frames, nothing from another origin."""
    policy = policy_first(harden(PAGE.format(body="<p>text</p>")))
    directives = {d.split()[0]: d.split()[1:] for d in policy.split(";")}
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"], "no plugins"
    assert directives["frame-src"] == ["'none'"], "no frames"
    assert directives["base-uri"] == ["'self'"] and directives["form-action"] == ["'self'"]
    script = directives["script-src"]
    assert script[0] == "'self'" and all(s.startswith("'sha256-") for s in script[1:]), script
    for sources in directives.values():
        assert not {"*", "'unsafe-eval'", "http:", "https:"} & set(sources), sources
        assert all(s in ("'self'", "'none'", "data:", "'unsafe-inline'") or s.startswith("'sha256-") for s in sources)
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"], "only styles may be inline"


def test_data_blocks_are_not_scripts():
    page = harden(PAGE.format(body='<script type="application/json" class="nt-spec">{"a": 1}</script>'))
    assert sha256('{"a": 1}') not in policy_first(page)


def test_the_preview_reload_snippet_runs_in_preview_builds_only():
    """The reproduction: the browser never reloaded in `make preview`, the policy blocked the reload script."""
    page = PAGE.format(body=f"<script>{PREVIEW_RELOAD}</script>")
    with pytest.raises(PolicyError):
        harden(page)
    assert sha256(PREVIEW_RELOAD) in policy_first(harden(page, preview=True))
    # The preview server adds it to the pages it serves: a preview build allows it on every page.
    plain = PAGE.format(body="<p>text</p>")
    assert sha256(PREVIEW_RELOAD) in policy_first(harden(plain, preview=True))
    assert sha256(PREVIEW_RELOAD) not in policy_first(harden(plain))
