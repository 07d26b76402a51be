"""The catalogue's change feed: an Atom feed a care group or another portal subscribes to (catalog/changes.py).

Public like the overview: it names only programmes that are public now, and says what changed, never who changed it.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from catalog.changes import CatalogueChange, catalogue_changes


@dataclass(frozen=True)
class Entry:
    change: CatalogueChange
    absolute_url: str


class CatalogueChangesFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        # Entry ids are absolute addresses (Atom requires an IRI) and only the request knows the site's own; the
        # feed object is shared by every request, so the request is passed on as the feed's object, not kept.
        return request

    def title(self):
        return _("E-mental health catalogue: changes")

    def subtitle(self):
        return _("Programmes published, quality verdicts changed and programmes no longer offered, newest first.")

    def link(self):
        return reverse("catalog:programme_list")

    def feed_url(self):
        return reverse("catalog:changes_feed")

    def author_name(self):
        return _("Editorial team of the e-mental health starters-toolkit")

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = get_language()
        return feed

    def items(self, request):
        return [Entry(change, request.build_absolute_uri(change.url)) for change in catalogue_changes()]

    def item_title(self, entry: Entry):
        return entry.change.title

    def item_description(self, entry: Entry):
        return entry.change.description

    def item_link(self, entry: Entry):
        return entry.change.url

    def item_guid(self, entry: Entry):
        return f"{entry.absolute_url}#{entry.change.kind}-{entry.change.history_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, entry: Entry):
        return entry.change.at

    def item_updateddate(self, entry: Entry):
        return entry.change.at

    def item_categories(self, entry: Entry):
        return [entry.change.kind]
