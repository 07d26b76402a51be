"""QR codes as inline SVG drawn on the server with segno: no script, no inline style, a title to read out.

The one QR helper: the keuzehulp's advice sheet and the practice's patient page, leaflet and waiting-room screen
all use it.
"""

from functools import lru_cache

import segno
from django.utils.safestring import SafeString, mark_safe


@lru_cache(maxsize=512)
def qr_svg(url: str, title: str, *, css_class: str = "qr-code") -> SafeString:
    """An <svg role="img"> that scales with CSS (no fixed size, no style attribute) and names what it links to.

    Never a Micro QR code, which many phone cameras cannot read; a white quiet zone of four modules around it.
    """
    svg = segno.make(url, micro=False, error="m").svg_inline(
        scale=1,
        dark="#000",
        light="#fff",
        border=4,
        svgclass=css_class,
        lineclass=None,
        omitsize=True,
        title=title,
    )
    # segno escapes the title; role="img" lets screen readers announce the SVG by that title.
    return mark_safe(svg.replace("<svg ", '<svg role="img" focusable="false" ', 1))  # noqa: S308 - segno output
