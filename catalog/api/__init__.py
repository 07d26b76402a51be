"""The catalogue as open data: a read-only REST API under /api/v1/ (DRF, with an OpenAPI schema by drf-spectacular)."""
