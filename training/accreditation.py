"""When a course may claim accreditation points: only with the accrediting body and its registration number.

CONTENT.md: never invent an accreditation. A number of points alone is a claim nobody can check, so it counts
for nothing: the course pages and the certificate then say the course is not accredited, and a certificate
issued for it carries 0 points.
"""


def is_accredited(course) -> bool:
    """Points recorded together with the body that granted them and its registration number."""
    return bool(
        course.accreditation_points
        and (course.accreditation_body or "").strip()
        and (course.accreditation_number or "").strip()
    )


def accredited_points(course) -> int:
    """The points a certificate for this course carries: the recorded points if accredited, otherwise 0."""
    return course.accreditation_points if is_accredited(course) else 0


def accreditation_missing(*, points, body, number) -> list[str]:
    """Which of body and number are missing for these points (empty when none are claimed or all is there)."""
    if not points:
        return []
    return [
        name
        for name, value in [("accreditation_body", body), ("accreditation_number", number)]
        if not (value or "").strip()
    ]
