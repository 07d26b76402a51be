"""What the catalogue tells other apps without knowing them (catalog imports neither practices nor training)."""

from django.dispatch import Signal

# Sent when the keuzehulp shows an advice sheet, with `request` and `programme_ids` (the programmes on it). The
# catalogue keeps nothing; a receiver may count the sheet (practices counts it for a logged-in member's practice).
advice_sheet_shown = Signal()
