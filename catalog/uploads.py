"""Which files curators may upload (PDF, PNG, JPEG, WebP), checked by their content, and how they are served.

A file's name and the browser's Content-Type are the uploader's word; the first bytes (`filetype`) are the file's.
Only the allow-listed types pass, their extension must match what the content is, and they must not exceed
`RESOURCE_UPLOAD_MAX_MB`. Files are never served from MEDIA_URL: `catalog.views.resource_file` sends them as a
download with the type found here, so even a file that slipped in before this check cannot run as a page or a
script on the site's own origin.
"""

from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class UploadType:
    mime: str
    extensions: tuple[str, ...]


ALLOWED_TYPES = {
    "application/pdf": UploadType("application/pdf", ("pdf",)),
    "image/png": UploadType("image/png", ("png",)),
    "image/jpeg": UploadType("image/jpeg", ("jpg", "jpeg")),
    "image/webp": UploadType("image/webp", ("webp",)),
}


def detected_type(file) -> UploadType | None:
    """The allow-listed type the file's content is, or None (unknown content, or a type not on the list)."""
    position = file.tell() if hasattr(file, "tell") else None
    try:
        file.seek(0)
        head = file.read(261)  # filetype needs at most the first 261 bytes
    finally:
        if position is not None:
            file.seek(position)
    kind = filetype.guess(head)
    return ALLOWED_TYPES.get(kind.mime) if kind else None


def validate_upload(file) -> None:
    """The model field's validator: size, then content type, then an extension that matches the content."""
    if getattr(file, "_committed", False):
        # Already stored (an edit that keeps the file): checked when it came in, and again on every download.
        return
    max_mb = settings.RESOURCE_UPLOAD_MAX_MB
    if file.size > max_mb * 1024 * 1024:
        raise ValidationError(
            _("This file is larger than %(max)d MB. Make it smaller or link to it instead."),
            params={"max": max_mb},
            code="file_too_large",
        )
    upload_type = detected_type(file)
    if upload_type is None:
        raise ValidationError(
            _("Only PDF files and PNG, JPEG or WebP images can be uploaded; this file is none of those."),
            code="file_type_not_allowed",
        )
    extension = PurePath(file.name).suffix.lower().lstrip(".")
    if extension not in upload_type.extensions:
        raise ValidationError(
            _("The file's name ends in .%(extension)s, but its content is %(kind)s. Give it the right extension."),
            params={"extension": extension or "-", "kind": upload_type.extensions[0].upper()},
            code="file_extension_mismatch",
        )
