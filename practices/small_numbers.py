"""Small counts above the single practice: any count below 5 is shown as "< 5".

Every view above one practice (the care group's pages) shows counts only through `small_number` here or the
`small_number` template filter (`{% load small_numbers %}`), so a count of a handful of patients or colleagues
cannot be traced back to a person. Zero is below 5 too: "none" would tell as much as "one".
"""

from django.utils.formats import number_format

THRESHOLD = 5
SMALL = "< 5"


def small_number(count) -> str:
    """ "< 5" for 0–4, otherwise the number in the active language's format ("1.234" in Dutch); "" for None."""
    if count is None:
        return ""
    if count < THRESHOLD:
        return SMALL
    return number_format(count, force_grouping=True)
