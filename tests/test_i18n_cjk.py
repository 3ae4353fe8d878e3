"""Redlines of texts written without spaces between words (Japanese, Chinese).

Each CJK character is a word of its own, so a changed word is marked alone instead of the whole
run between two spaces (in Japanese and Chinese, often a whole paragraph). The browser engine
must give the same redline character for character.
"""

from __future__ import annotations

import re

import pytest

from generator.diff import diff_markdown, render_redline
from generator.diff.tokens import words_of

JA_OLD = (
    "## 保存期間\n\n当社は、お客様の個人情報を30日間保管します。\n\n"
    "## 第三者への提供\n\n当社は、お客様の個人情報を第三者に販売することはありません。\n"
)
JA_NEW = (
    "## 保存期間\n\n当社は、お客様の個人情報を90日間保管します。\n\n"
    "## 第三者への提供\n\n当社は、お客様の個人情報を広告主に提供することがあります。\n"
)
ZH_OLD = "## 数据保留\n\n我们将您的电子邮件地址保存三十天。我们不会出售您的个人信息。\n"
ZH_NEW = "## 数据保留\n\n我们将您的电子邮件地址保存九十天。我们不会出售您的个人信息。\n"


def marked(html: str, kind: str) -> list[str]:
    """The texts of the ``del`` or ``ins`` runs of a redline, screen-reader words left out."""
    runs = re.findall(rf'<{kind} class="redline-{kind}">(.*?)</{kind}>', html)
    return [re.sub(r'<span class="redline-sr">[^<]*</span>', "", run) for run in runs]


def test_japanese_a_changed_number_is_marked_alone():
    change = diff_markdown(JA_OLD, JA_NEW).changes[0]
    assert change.kind == "modified"
    assert marked(change.redline, "del") == ["30"] and marked(change.redline, "ins") == ["90"]
    assert "当社は、お客様の個人情報を" in change.redline and "日間保管します。" in change.redline


def test_japanese_changed_words_are_marked_and_the_rest_of_the_sentence_stays():
    change = diff_markdown(JA_OLD, JA_NEW).changes[1]
    assert change.kind == "modified"
    # one equal character between two changes is folded into them ("に"), as between Latin words
    assert marked(change.redline, "del") == ["第三者に販売", "は", "せん"]
    assert marked(change.redline, "ins") == ["広告主に提供", "が", "す"]
    assert "当社は、お客様の個人情報を<del" in change.redline and "すること<del" in change.redline


def test_chinese_one_changed_character_is_marked_alone():
    (change,) = diff_markdown(ZH_OLD, ZH_NEW).changes
    assert marked(change.redline, "del") == ["三"] and marked(change.redline, "ins") == ["九"]


def test_dropping_the_marks_gives_the_new_text_and_the_old_text_back():
    html = render_redline(diff_markdown(JA_OLD, JA_NEW))
    new_side = re.sub(r'<del class="redline-del">.*?</del>', "", html)
    old_side = re.sub(r'<ins class="redline-ins">.*?</ins>', "", html)
    strip = lambda s: re.sub(r"<[^>]+>", "", re.sub(r'<span class="redline-sr">[^<]*</span>', "", s))  # noqa: E731
    assert "お客様の個人情報を90日間保管します。" in strip(new_side)
    assert "お客様の個人情報を30日間保管します。" in strip(old_side)
    assert "第三者に販売することはありません。" in strip(old_side)
    assert "広告主に提供することがあります。" in strip(new_side)


def test_cjk_characters_count_as_words_and_latin_words_as_before():
    assert words_of("当社は data を30日") == ["当", "社", "は", "data", "を", "30", "日"]
    assert words_of("We keep logs for 30 days.") == "We keep logs for 30 days.".split()
    stats = diff_markdown(ZH_OLD, ZH_NEW).stats
    assert (stats.words_added, stats.words_removed) == (1, 1)


def test_two_edited_paragraphs_in_a_row_are_paired_as_modified_not_rewritten():
    old = "前文です。\n\n当社はお客様の氏名とメールアドレスを収集します。\n\n当社は収集した情報を三十日間保管します。\n\n結びです。\n"
    new = "前文です。\n\n当社はお客様の氏名と電話番号を収集します。\n\n当社は収集した情報を九十日間保管します。\n\n結びです。\n"
    assert [c.kind for c in diff_markdown(old, new).changes] == ["modified", "modified"]


def test_a_moved_japanese_paragraph_is_found():
    paragraph = "当社は、お客様の利用状況に関する統計を分析サービスの提供者と毎月共有します。"
    old = f"はじめに。\n\n{paragraph}\n\n中ほどの段落です。\n\nさらに本文が続きます。\n\n終わり。\n"
    new = f"はじめに。\n\n中ほどの段落です。\n\nさらに本文が続きます。\n\n{paragraph}\n\n終わり。\n"
    assert [c.kind for c in diff_markdown(old, new).changes] == ["moved"]


def test_text_with_spaces_is_tokenised_as_before():
    old, new = "We keep server logs for 30 days.\n", "We keep server logs for 90 days.\n"
    (change,) = diff_markdown(old, new).changes
    assert marked(change.redline, "del") == ["30 "] and marked(change.redline, "ins") == ["90 "]


# --- the browser's engine gives the same ------------------------------------------------------------

CJK_PAIRS = {
    "japanese": (JA_OLD, JA_NEW),
    "chinese": (ZH_OLD, ZH_NEW),
    "japanese paragraphs edited in a row": (
        "前文です。\n\n当社はお客様の氏名とメールアドレスを収集します。\n\n当社は収集した情報を三十日間保管します。\n",
        "前文です。\n\n当社はお客様の氏名と電話番号を収集します。\n\n当社は収集した情報を九十日間保管します。\n"),
    "mixed scripts with markup": (
        "当社は **Google Analytics** を使用し、[クッキー](https://example.com/c)を30日間保存します。",
        "当社は **Matomo** を使用し、[クッキー](https://example.com/cookies)を90日間保存します。"),
    "a list of collected data": (
        "## 収集する情報\n\n- 氏名\n- メールアドレス\n",
        "## 收集する情報\n\n- 氏名\n- メールアドレス\n- 位置情報\n"),
    "full-width punctuation and ideographic spaces": (
        "我们收集：姓名、电话号码。\u3000我们不出售数据。",
        "我们收集：姓名、地址。\u3000我们可能出售数据。"),
}


@pytest.mark.browser
@pytest.mark.parametrize("name", sorted(CJK_PAIRS))
def test_cjk_pairs_give_the_same_redline_in_the_browser_both_ways(engine_page, name):
    from tests.test_browser_engine import assert_same

    old, new = CJK_PAIRS[name]
    assert_same(engine_page, old, new)
    assert_same(engine_page, new, old)


@pytest.fixture(scope="module")
def engine_page(browser):
    from tests.test_browser_engine import ENGINE_JS

    page = browser.new_page()
    page.set_content("<!doctype html><html><body></body></html>")
    page.add_script_tag(path=str(ENGINE_JS))
    yield page
    page.close()


pytest_plugins = ["tests.browser_support.fixtures"]
