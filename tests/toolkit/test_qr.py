"""The one QR helper: an inline SVG a screen reader can name, that a phone camera can read, without inline style."""

import re

import segno

from toolkit.qr import qr_svg


def test_a_qr_code_is_one_inline_svg_named_by_its_escaped_title():
    svg = qr_svg("https://www.kleurjeleven.nl/", 'QR code for "A & B"')
    assert svg.startswith('<svg role="img" focusable="false"')
    assert svg.count("<svg") == 1
    assert '<title>QR code for "A &amp; B"</title>' in svg


def test_a_qr_code_has_no_style_and_no_fixed_size_so_css_can_scale_it():
    svg = qr_svg("https://www.kleurjeleven.nl/", "QR code")
    assert "style" not in svg
    assert not re.search(r"<svg[^>]* (width|height)=", svg)
    assert re.search(r'viewBox="0 0 \d+ \d+"', svg)


def test_the_css_class_is_the_callers_choice():
    assert 'class="qr-code"' in qr_svg("https://www.psyfit.nl/", "QR code")
    assert 'class="keuzehulp-qr"' in qr_svg("https://www.psyfit.nl/", "QR code", css_class="keuzehulp-qr")


def test_a_short_address_still_gets_a_full_qr_code_not_a_micro_one():
    # A Micro QR code would fit "https://a.nl" but many phone cameras cannot read one.
    svg = qr_svg("https://a.nl", "QR code")
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    full = segno.make("https://a.nl", micro=False, error="m")
    assert not full.is_micro
    assert size == full.symbol_size(scale=1, border=4)[0]
