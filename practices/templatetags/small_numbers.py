"""`{{ count|small_number }}`: a count shown above the single practice, "< 5" below 5 (practices.small_numbers)."""

from django import template

from practices import small_numbers

register = template.Library()


@register.filter
def small_number(count) -> str:
    return small_numbers.small_number(count)
